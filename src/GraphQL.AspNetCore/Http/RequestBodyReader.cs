using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace LowCode.GraphQL.AspNetCore.Http;

/// <summary>Reads a whole request body, refusing it as soon as it passes the configured size.</summary>
internal static class RequestBodyReader
{
    /// <summary>
    /// Calls <paramref name="consume"/> with the complete body, or returns 413 without buffering more than the limit.
    /// </summary>
    public static async Task<T> ReadAsync<T>(HttpContext context, long maxSize, Func<ReadOnlySequence<byte>, T> consume, Func<T> tooLarge)
    {
        if (context.Request.ContentLength > maxSize)
        {
            return tooLarge();
        }

        var reader = context.Request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(context.RequestAborted).ConfigureAwait(false);
            var buffer = read.Buffer;
            if (buffer.Length > maxSize)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                return tooLarge();
            }

            if (read.IsCompleted || read.IsCanceled)
            {
                try
                {
                    return consume(buffer);
                }
                finally
                {
                    reader.AdvanceTo(buffer.End);
                }
            }

            // Keep everything buffered and ask for more.
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}

using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace LowCode.EndToEnd.Tests.Infrastructure;

/// <summary>Every console error and uncaught exception of one page (its workers included), for assertions.</summary>
public sealed class ConsoleErrorLog
{
    private readonly ConcurrentQueue<BrowserError> _errors = new();

    public ConsoleErrorLog(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _errors.Enqueue(new BrowserError("console.error", message.Text, message.Location));
            }
        };
        page.PageError += (_, error) => _errors.Enqueue(new BrowserError("uncaught exception", error, page.Url));
    }

    public IReadOnlyList<BrowserError> Errors => [.. _errors];

    /// <summary>Errors that <paramref name="isExpected"/> does not account for.</summary>
    public IReadOnlyList<BrowserError> Except(Func<BrowserError, bool> isExpected) =>
        [.. _errors.Where(error => !isExpected(error))];

    public static string Describe(IEnumerable<BrowserError> errors) =>
        string.Join(Environment.NewLine, errors.Select(error => $"  {error.Kind} at {error.Location}: {error.Text}"));
}

public sealed record BrowserError(string Kind, string Text, string Location);

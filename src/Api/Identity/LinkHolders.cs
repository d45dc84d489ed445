using System.Text;
using LowCode.GraphQL.Types;

namespace LowCode.Api.Identity;

/// <summary>
/// An external participant has no key: the link token from their e-mail opens one task. A request without a key that
/// sends the token in <c>X-LowCode-Link-Token</c> reaches GraphQL anonymously, where only the fields marked
/// <c>@linkHolder</c> (<c>taskByToken</c>, <c>evaluateFormByToken</c>, <c>completeTaskByToken</c>) accept it and check
/// the token themselves; every other field answers UNAUTHENTICATED. Introspection stays refused to such a request.
/// </summary>
internal static class LinkHolders
{
    public const string Header = "X-LowCode-Link-Token";
    public const string Directive = "linkHolder";

    private const int MaxInspectedBytes = 1024 * 1024;

    /// <summary>Whether an unauthenticated request may go on as a link holder: it names a token and asks for no introspection.</summary>
    public static async Task<bool> MayPassAsync(HttpContext http)
    {
        if (http.Request.Headers[Header].ToString().Trim().Length == 0)
        {
            return false;
        }

        var query = http.Request.Query["query"].ToString();
        if (HttpMethods.IsPost(http.Request.Method))
        {
            http.Request.EnableBuffering();
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
            http.Request.Body.Position = 0;
            if (buffer.Length > MaxInspectedBytes)
            {
                return false;
            }

            query = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }

        return !query.Contains("__schema", StringComparison.Ordinal) && !query.Contains("__type", StringComparison.Ordinal);
    }

    /// <summary>Whether an anonymous caller may run <paramref name="field"/>: only a link holder's own operations.</summary>
    public static bool Accepts(FieldDefinition field) =>
        field.Definition?.Directives.Any(d => d.Name.Value == Directive) == true;
}

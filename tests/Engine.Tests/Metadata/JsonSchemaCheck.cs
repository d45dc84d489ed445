using System.Diagnostics;
using System.Text.Json;
using LowCode.Engine.Tests.Seed;

namespace LowCode.Engine.Tests.Metadata;

/// <summary>
/// Checks JSON documents against docs/schema with Ajv, the validator editors' tooling is built on, through
/// tests/Engine.Tests/js/validate-schema.mjs. Documents go in one batch so Node starts once.
/// </summary>
internal static class JsonSchemaCheck
{
    public sealed record Document(string Name, string Schema, string Json);

    public sealed record Error(string Path, string Keyword, string Message);

    public sealed record Result(string Name, bool Valid, IReadOnlyList<Error> Errors)
    {
        public override string ToString() =>
            Valid ? $"{Name}: valid" : $"{Name}:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", Errors.Select(e => $"{(e.Path.Length == 0 ? "/" : e.Path)} {e.Keyword}: {e.Message}"))}";
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static string JsFolder => RepositoryRoot.Combine("tests", "Engine.Tests", "js");

    public static IReadOnlyList<Result> Validate(IEnumerable<Document> documents)
    {
        if (!Directory.Exists(Path.Combine(JsFolder, "node_modules", "ajv")))
        {
            Assert.Fail($"The schema tests need Node packages that are not installed: run npm ci in tests/Engine.Tests/js ({JsFolder}).");
        }

        var request = JsonSerializer.Serialize(documents.Select(d => new { name = d.Name, schema = d.Schema, document = d.Json }));
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { Path.Combine(JsFolder, "validate-schema.mjs"), RepositoryRoot.Combine("docs", "schema") },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = JsFolder,
        };
        using var node = Start(start);
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        node.StandardInput.Write(request);
        node.StandardInput.Close();
        if (!node.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            node.Kill(entireProcessTree: true);
            Assert.Fail("validate-schema.mjs did not finish within two minutes; it was stopped.");
        }

        if (node.ExitCode != 0)
        {
            Assert.Fail($"validate-schema.mjs failed (exit {node.ExitCode}): {errors.Result}");
        }

        return JsonSerializer.Deserialize<List<Result>>(output.Result, Web)
            ?? throw new InvalidOperationException("validate-schema.mjs answered null.");
    }

    private static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"Could not start node ({ex.Message}); the schema tests need Node.js 20 on the PATH.", ex);
        }
    }

    public static Result Validate(string schema, string json) => Validate([new Document("document", schema, json)])[0];
}

using LowCode.Engine.Metadata;

namespace LowCode.Engine.Tests.Seed;

/// <summary>One seed definition file: <c>seed/&lt;app&gt;/&lt;key&gt;.&lt;kind&gt;.json</c>.</summary>
public sealed record SeedFile(string App, string FileName, DefinitionKind Kind, string FullPath)
{
    private static readonly (string Suffix, DefinitionKind Kind)[] Suffixes =
        [(".form.json", DefinitionKind.Form), (".process.json", DefinitionKind.Process), (".ruleset.json", DefinitionKind.RuleSet)];

    /// <summary>The key the file name promises.</summary>
    public string Key => FileName[..^Suffix(Kind).Length];

    /// <summary>The schema file (under docs/schema) this kind is checked against.</summary>
    public string SchemaName => Kind switch
    {
        DefinitionKind.Form => "form.schema.json",
        DefinitionKind.Process => "process.schema.json",
        _ => "ruleset.schema.json",
    };

    public string Text => File.ReadAllText(FullPath);

    public static IReadOnlyList<SeedFile> All { get; } = Discover();

    public static IEnumerable<string> Apps => All.Select(f => f.App).Distinct(StringComparer.Ordinal);

    /// <summary>For xunit theories: the seed files as "app/file" names.</summary>
    public static TheoryData<string> Names => [.. All.Select(f => f.Name)];

    public string Name => $"{App}/{FileName}";

    public static SeedFile Named(string name) => All.Single(f => f.Name == name);

    public override string ToString() => Name;

    private static string Suffix(DefinitionKind kind) => Suffixes.First(s => s.Kind == kind).Suffix;

    private static List<SeedFile> Discover()
    {
        var seed = RepositoryRoot.Combine("seed");
        var files = new List<SeedFile>();
        foreach (var path in Directory.EnumerateFiles(seed, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var fileName = System.IO.Path.GetFileName(path);
            var app = System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(path)!);
            var match = Suffixes.FirstOrDefault(s => fileName.EndsWith(s.Suffix, StringComparison.Ordinal));
            if (match.Suffix is null)
            {
                throw new InvalidOperationException($"{path} is not named <key>.form.json, <key>.process.json or <key>.ruleset.json.");
            }

            files.Add(new SeedFile(app, fileName, match.Kind, path));
        }

        return files;
    }
}

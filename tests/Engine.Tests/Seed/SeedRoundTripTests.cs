using LowCode.Engine.Metadata;

namespace LowCode.Engine.Tests.Seed;

/// <summary>Every seed file is canonical: parsing it and writing it back gives the same JSON.</summary>
public sealed class SeedRoundTripTests
{
    public static TheoryData<string> Files => SeedFile.Names;

    [Theory]
    [MemberData(nameof(Files))]
    public void SeedFile_ParsesWithoutProblems(string name)
    {
        var file = SeedFile.Named(name);

        var result = DefinitionJson.Parse(file.Kind, file.Text);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void SeedFile_SerialisesBackToTheSameJson(string name)
    {
        var file = SeedFile.Named(name);
        var definition = DefinitionJson.Parse(file.Kind, file.Text).Definition!;

        var written = DefinitionJson.Serialize(definition);

        Assert.Null(JsonComparison.FirstDifference(file.Text, written));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void SeedFile_IsNamedForItsKeyAndKind(string name)
    {
        var file = SeedFile.Named(name);

        var definition = DefinitionJson.Parse(file.Kind, file.Text).Definition!;

        Assert.Equal(file.Key, definition.Key);
        Assert.Equal(file.Kind, definition.Kind);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void SeedFile_PointsAtItsSchemaByRelativePath(string name)
    {
        var file = SeedFile.Named(name);
        var definition = DefinitionJson.Parse(file.Kind, file.Text).Definition!;
        var schema = definition switch
        {
            FormDefinition form => form.Schema,
            ProcessDefinition process => process.Schema,
            RuleSetDefinition ruleSet => ruleSet.Schema,
            _ => null,
        };

        Assert.Equal($"../../docs/schema/{file.SchemaName}", schema);
        Assert.True(File.Exists(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file.FullPath)!, schema!))), $"{schema} does not exist next to {file.Name}.");
    }
}

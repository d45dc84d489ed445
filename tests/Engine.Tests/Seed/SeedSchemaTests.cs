using LowCode.Engine.Tests.Metadata;

namespace LowCode.Engine.Tests.Seed;

/// <summary>Every seed file passes the JSON Schema editors validate it with.</summary>
public sealed class SeedSchemaTests
{
    [Fact]
    public void EverySeedFile_ValidatesAgainstItsJsonSchema()
    {
        var results = JsonSchemaCheck.Validate(SeedFile.All.Select(f => new JsonSchemaCheck.Document(f.Name, f.SchemaName, f.Text)));

        Assert.Equal(SeedFile.All.Count, results.Count);
        var failures = results.Where(r => !r.Valid).ToList();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}

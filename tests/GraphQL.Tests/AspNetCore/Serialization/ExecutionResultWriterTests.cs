using System.Text;
using System.Text.Json;
using LowCode.GraphQL.AspNetCore.Serialization;
using LowCode.GraphQL.Execution;

namespace LowCode.GraphQL.Tests.AspNetCore.Serialization;

public sealed class ExecutionResultWriterTests
{
    [Fact]
    public void Write_WithErrorsDataAndExtensions_PutsErrorsFirstAsTheSpecRecommends()
    {
        var result = new ExecutionResult
        {
            HasData = true,
            Data = new Dictionary<string, object?> { ["hero"] = null },
            Errors = [new GraphQLError("Name for character with ID 1002 could not be fetched.", [new SourceLocation(6, 7)], ["hero", "heroFriends", 1, "name"])],
            Extensions = new Dictionary<string, object?> { ["cost"] = 1 },
        };

        Assert.Equal(
            """{"errors":[{"message":"Name for character with ID 1002 could not be fetched.","locations":[{"line":6,"column":7}],"path":["hero","heroFriends",1,"name"]}],"data":{"hero":null},"extensions":{"cost":1}}""",
            Write(result));
    }

    [Fact]
    public void Write_WithoutData_OmitsTheDataEntry_AndWithNullData_WritesNull()
    {
        Assert.Equal("""{"errors":[{"message":"bad"}]}""", Write(new ExecutionResult { Errors = [new GraphQLError("bad")] }));
        Assert.Equal("""{"data":null}""", Write(new ExecutionResult { HasData = true }));
    }

    [Fact]
    public void Write_EveryClrValueKind_AsTheMatchingJson()
    {
        var data = new Dictionary<string, object?>
        {
            ["string"] = "héllo <b> \"q\"",
            ["int"] = 42,
            ["long"] = 9007199254740993L,
            ["double"] = 0.1,
            ["nan"] = double.NaN,
            ["float"] = 1.5f,
            ["decimal"] = 12.50m,
            ["short"] = (short)-3,
            ["bool"] = true,
            ["null"] = null,
            ["list"] = new List<object?> { 1, "two", null },
            ["array"] = new[] { 1, 2 },
            ["nested"] = new SortedDictionary<string, object?> { ["b"] = 2, ["a"] = 1 },
            ["json"] = JsonDocument.Parse("""{"raw":[true]}""").RootElement,
            ["date"] = new DateTimeOffset(2026, 11, 21, 9, 30, 0, TimeSpan.Zero),
            ["guid"] = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301"),
            ["enum"] = DayOfWeek.Friday,
        };

        Assert.Equal(
            """{"data":{"string":"héllo <b> \"q\"","int":42,"long":9007199254740993,"double":0.1,"nan":null,"float":1.5,"decimal":12.50,"short":-3,"bool":true,"null":null,"list":[1,"two",null],"array":[1,2],"nested":{"a":1,"b":2},"json":{"raw":[true]},"date":"2026-11-21T09:30:00+00:00","guid":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","enum":"Friday"}}""",
            Write(new ExecutionResult { HasData = true, Data = data }));
    }

    private static string Write(ExecutionResult result)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, ExecutionResultWriter.WriterOptions))
        {
            ExecutionResultWriter.Write(writer, result);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

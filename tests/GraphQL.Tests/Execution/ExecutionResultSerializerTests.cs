using LowCode.GraphQL.Execution;

namespace LowCode.GraphQL.Tests.Execution;

public sealed class ExecutionResultSerializerTests
{
    [Fact]
    public void Serialize_WithoutData_LeavesTheDataEntryOut() =>
        Assert.Equal(
            "{\"errors\":[{\"message\":\"bad\"}]}",
            ExecutionResultSerializer.Serialize(new ExecutionResult { Errors = [new GraphQLError("bad")] }));

    [Fact]
    public void Serialize_WithNullData_WritesNull() =>
        Assert.Equal("{\"data\":null}", ExecutionResultSerializer.Serialize(new ExecutionResult { HasData = true }));

    [Fact]
    public void Serialize_WritesErrorsThenDataThenExtensions()
    {
        var result = new ExecutionResult
        {
            HasData = true,
            Data = new Dictionary<string, object?> { ["a"] = new List<object?> { 1, 2.5, "x", true, null } },
            Errors = [new GraphQLError("m", [new SourceLocation(1, 2)], ["a", 0], new Dictionary<string, object?> { ["code"] = "C" })],
            Extensions = new Dictionary<string, object?> { ["cost"] = 3 },
        };
        Assert.Equal(
            "{\"errors\":[{\"message\":\"m\",\"locations\":[{\"line\":1,\"column\":2}],\"path\":[\"a\",0],\"extensions\":{\"code\":\"C\"}}],\"data\":{\"a\":[1,2.5,\"x\",true,null]},\"extensions\":{\"cost\":3}}",
            ExecutionResultSerializer.Serialize(result));
    }

    [Fact]
    public async Task WriteAsync_WritesUtf8ToAStream()
    {
        using var stream = new MemoryStream();
        await ExecutionResultSerializer.WriteAsync(stream, new ExecutionResult { HasData = true, Data = new Dictionary<string, object?> { ["é"] = "ü" } });
        Assert.Equal("{\"data\":{\"é\":\"ü\"}}", System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}

using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Language;
using LowCode.GraphQL.Tests.Differential;
using LowCode.GraphQL.Types;
using LowCode.GraphQL.Validation;

namespace LowCode.GraphQL.Tests.Validation;

/// <summary>Runs one validation rule over a document of the shared test schema.</summary>
internal static class RuleAssert
{
    public static IReadOnlyList<GraphQLError> Run<TRule>(string document, Schema? schema = null)
        where TRule : ValidationRule, new()
    {
        var parsed = Parser.Parse(document);
        Assert.True(parsed.IsSuccess, parsed.Error?.Message);
        return DocumentValidator.Validate(schema ?? TestSchema.Schema, parsed.Document!, [() => new TRule()]);
    }

    public static void Valid<TRule>(string document)
        where TRule : ValidationRule, new() => Assert.Empty(Run<TRule>(document));

    /// <summary>Expects exactly these errors, each with its locations as (line, column) pairs.</summary>
    public static void Invalid<TRule>(string document, params (string Message, (int Line, int Column)[] Locations)[] expected)
        where TRule : ValidationRule, new()
    {
        var errors = Run<TRule>(document);
        Assert.Equal(
            expected.Select(e => Describe(e.Message, e.Locations.Select(l => new SourceLocation(l.Line, l.Column)))).ToList(),
            errors.Select(e => Describe(e.Message, e.Locations ?? [])).ToList());
    }

    private static string Describe(string message, IEnumerable<SourceLocation> locations) =>
        message + " @ " + string.Join(", ", locations.Select(l => $"{l.Line}:{l.Column}"));
}

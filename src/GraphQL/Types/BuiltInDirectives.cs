namespace LowCode.GraphQL.Types;

/// <summary>The directives every schema has (spec §3.13) plus <c>@oneOf</c>, declared in SDL so they print and introspect like any other.</summary>
internal static class BuiltInDirectives
{
    public const string Sdl = """
        "Includes the field or fragment only when `if` is true."
        directive @include(
          "Included when true."
          if: Boolean!
        ) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT

        "Leaves out the field or fragment when `if` is true."
        directive @skip(
          "Skipped when true."
          if: Boolean!
        ) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT

        "Marks a schema element that clients should stop using."
        directive @deprecated(
          "Why, and what to use instead (Markdown)."
          reason: String = "No longer supported"
        ) on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | ENUM_VALUE | DIRECTIVE_DEFINITION

        "Links a custom scalar to the document that defines it."
        directive @specifiedBy(
          "Where the scalar's behaviour is specified."
          url: String!
        ) on SCALAR

        "Requires exactly one field of the input object to be given, and not null."
        directive @oneOf on INPUT_OBJECT
        """;

    public static readonly HashSet<string> Names = new(StringComparer.Ordinal) { "include", "skip", "deprecated", "specifiedBy", "oneOf" };
}

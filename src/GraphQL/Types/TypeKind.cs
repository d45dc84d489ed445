namespace LowCode.GraphQL.Types;

/// <summary>The kinds of __TypeKind (spec §4.2.1).</summary>
public enum TypeKind
{
    Scalar,
    Object,
    Interface,
    Union,
    Enum,
    InputObject,
    List,
    NonNull,
}

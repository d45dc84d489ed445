namespace LowCode.GraphQL.Types.Scalars;

/// <summary>The five scalars every schema has (spec §3.5); shared instances, they hold no state.</summary>
public static class BuiltInScalars
{
    public static IntScalar Int { get; } = new() { IsBuiltIn = true, Description = "A whole number from -2147483648 to 2147483647 (32-bit signed)." };

    public static FloatScalar Float { get; } = new() { IsBuiltIn = true, Description = "A double-precision (IEEE 754) number." };

    public static StringScalar String { get; } = new() { IsBuiltIn = true, Description = "Text, as a sequence of Unicode characters." };

    public static BooleanScalar Boolean { get; } = new() { IsBuiltIn = true, Description = "Either true or false." };

    public static IdScalar Id { get; } = new() { IsBuiltIn = true, Description = "An opaque identifier, serialized as a string; as input it accepts a string or an integer." };

    public static IReadOnlyList<ScalarType> All { get; } = [String, Int, Float, Boolean, Id];
}

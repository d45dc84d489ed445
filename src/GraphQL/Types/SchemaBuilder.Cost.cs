using System.Globalization;
using LowCode.GraphQL.Language;
using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Types;

public sealed partial class SchemaBuilder
{
    private const string CostDirective = "cost";
    private const string CostDeclaration = "directive @cost(weight: Int!) on FIELD_DEFINITION";

    /// <summary>
    /// Field weights for the cost model: <c>@cost(weight:)</c> on field definitions (the schema must declare the
    /// directive), then <see cref="Cost"/> bindings, which win.
    /// </summary>
    private void ApplyCosts(BuildState state)
    {
        var declared = state.Directives.TryGetValue(CostDirective, out var directive) && !directive.IsBuiltIn;
        foreach (var type in state.Types.Values.OfType<ComplexType>().Where(t => !t.IsBuiltIn))
        {
            foreach (var field in type.Fields)
            {
                var applied = field.Definition?.Directives.FirstOrDefault(d => d.Name.Value == CostDirective);
                if (applied is null)
                {
                    continue;
                }

                if (!declared)
                {
                    state.Error(
                        $"Field \"{type.Name}.{field.Name}\" uses @cost, but the schema does not declare it; add `{CostDeclaration}`.",
                        applied);
                    continue;
                }

                field.Cost = ReadWeight(state, $"{type.Name}.{field.Name}", applied);
            }
        }

        foreach (var ((typeName, fieldName), weight) in _costs)
        {
            if (FindField(state, typeName, fieldName, "cost") is { } field)
            {
                field.Cost = weight;
            }
        }
    }

    private static int? ReadWeight(BuildState state, string owner, DirectiveNode applied)
    {
        var argument = applied.Arguments.FirstOrDefault(a => a.Name.Value == "weight");
        // A String weight is accepted too, so SDL written for the IBM cost spec (`weight: String!`) builds.
        var text = argument?.Value switch
        {
            IntValueNode i => i.Value,
            StringValueNode s => s.Value,
            _ => null,
        };
        if (text is not null && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var weight))
        {
            return weight;
        }

        var got = argument is null ? "no weight argument" : Printer.Print(argument.Value);
        state.Error(
            $"@cost on \"{owner}\" needs a weight that is a whole number from 0 to {int.MaxValue}, such as @cost(weight: 5); got {got}.",
            (SyntaxNode?)argument ?? applied);
        return null;
    }
}

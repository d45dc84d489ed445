using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Language.Ast;
using LowCode.GraphQL.Types;
using LowCode.GraphQL.Validation.Rules;

namespace LowCode.GraphQL.Validation;

/// <summary>
/// Validates an executable document against a schema (spec §5) with every specified rule, in one walk that
/// visits all rules in parallel, in the order listed in Rules/README.md (graphql-js specifiedRules).
/// </summary>
public static class DocumentValidator
{
    /// <summary>The rules of spec §5 in graphql-js order; each factory makes a fresh rule per validation.</summary>
    public static IReadOnlyList<Func<ValidationRule>> SpecifiedRules { get; } =
    [
        () => new ExecutableDefinitionsRule(),
        () => new UniqueOperationNamesRule(),
        () => new LoneAnonymousOperationRule(),
        () => new SingleFieldSubscriptionsRule(),
        () => new KnownTypeNamesRule(),
        () => new FragmentsOnCompositeTypesRule(),
        () => new VariablesAreInputTypesRule(),
        () => new ScalarLeafsRule(),
        () => new FieldsOnCorrectTypeRule(),
        () => new UniqueFragmentNamesRule(),
        () => new KnownFragmentNamesRule(),
        () => new NoUnusedFragmentsRule(),
        () => new PossibleFragmentSpreadsRule(),
        () => new NoFragmentCyclesRule(),
        () => new UniqueVariableNamesRule(),
        () => new NoUndefinedVariablesRule(),
        () => new NoUnusedVariablesRule(),
        () => new KnownDirectivesRule(),
        () => new UniqueDirectivesPerLocationRule(),
        () => new KnownArgumentNamesRule(),
        () => new UniqueArgumentNamesRule(),
        () => new ValuesOfCorrectTypeRule(),
        () => new ProvidedRequiredArgumentsRule(),
        () => new VariablesInAllowedPositionRule(),
        () => new OverlappingFieldsCanBeMergedRule(),
        () => new UniqueInputFieldNamesRule(),
    ];

    /// <summary>All errors, in the order graphql-js reports them (at most <paramref name="maxErrors"/>, then an abort notice).</summary>
    public static IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document, int maxErrors = 100) =>
        Validate(schema, document, SpecifiedRules, maxErrors);

    public static IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document, IReadOnlyList<Func<ValidationRule>> rules, int maxErrors = 100)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(rules);
        var errors = new List<GraphQLError>();
        var typeInfo = new TypeInfo(schema);
        var context = new ValidationContext(schema, document, typeInfo, errors, maxErrors);
        var instances = new ValidationRule[rules.Count];
        for (var i = 0; i < instances.Length; i++)
        {
            instances[i] = rules[i]();
            instances[i].Attach(context);
        }

        var skipping = new SyntaxNode?[instances.Length];
        var walker = new DocumentWalker(
            typeInfo,
            node =>
            {
                for (var i = 0; i < instances.Length; i++)
                {
                    if (skipping[i] is null)
                    {
                        RuleDispatch.Enter(instances[i], node);
                        if (instances[i].TakeSkipRequest())
                        {
                            skipping[i] = node;
                        }
                    }
                }
            },
            node =>
            {
                for (var i = 0; i < instances.Length; i++)
                {
                    if (skipping[i] is null)
                    {
                        RuleDispatch.Leave(instances[i], node);
                    }
                    else if (ReferenceEquals(skipping[i], node))
                    {
                        skipping[i] = null;
                    }
                }
            });
        try
        {
            walker.Walk(document);
        }
        catch (ValidationAbortedException aborted)
        {
            if (aborted.Notice is not null)
            {
                errors.Add(new GraphQLError(aborted.Notice));
            }
        }

        return errors;
    }
}

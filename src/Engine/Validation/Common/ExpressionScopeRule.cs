using LowCode.Engine.Expressions;
using LowCode.Engine.Metadata;

namespace LowCode.Engine.Validation.Common;

/// <summary>
/// Every name an expression reads must exist where it runs, so <c>amout &gt; 500</c> fails at save time rather
/// than at run time. Helpers, JavaScript globals and a callback's own parameters and variables are never scope
/// names (the sandbox compiler leaves them out). The expressions are those <see cref="ExpressionLocations"/> finds;
/// which names each one sees is worked out by <see cref="FormScopes"/> and <see cref="RuleSetScopes"/>; where it
/// cannot be known, nothing is reported.
/// </summary>
internal sealed class ExpressionScopeRule : DefinitionRule<IDefinition>
{
    /// <summary>Up to this many names are listed in the message; past it the list would hide the point.</summary>
    private const int MaxListed = 15;

    private static readonly string[] NonScopeNames = [.. HelperLibrary.Names, .. JavaScriptNames.BuiltInGlobals.Where(n => n != "eval")];

    protected override void Check(IDefinition definition, RuleContext context)
    {
        if (context.Expressions is not { } checker)
        {
            return;
        }

        switch (definition)
        {
            case FormDefinition form:
                Report(form, FormScopes.Of(form), checker, context, InTheExpression);
                break;
            case RuleSetDefinition ruleSet when RuleSetScopes.Of(ruleSet, context.Catalog.ProcessesUsing(ruleSet.Key), context.Catalog) is { } scopes:
                Report(ruleSet, scopes, checker, context, InTheExpression);
                break;
            case ProcessDefinition process when process.RuleSet is { } key && context.Catalog.FindRuleSet(key) is { } routing:
                // Checked from this side too: the usual load order saves a rule set before any process uses it.
                var processes = context.Catalog.ProcessesUsing(key).Where(p => p.Key != process.Key).Append(process).ToList();
                if (RuleSetScopes.Of(routing, processes, context.Catalog) is { } routingScopes)
                {
                    Report(routing, routingScopes, checker, context, (path, variable) =>
                        ("$.ruleSet", $"Rule set '{key}' at {path}, line {variable.Line}, column {variable.Column} of the expression"));
                }

                break;
        }
    }

    private static (string, string) InTheExpression(string path, ExpressionVariable variable) =>
        (path, $"Line {variable.Line}, column {variable.Column} of the expression");

    /// <summary>Checks every expression <see cref="ExpressionLocations"/> finds whose scope <paramref name="scopeAt"/> knows.</summary>
    private static void Report(
        IDefinition definition,
        Func<string, NameScope?> scopeAt,
        IExpressionSyntaxChecker checker,
        RuleContext context,
        Func<string, ExpressionVariable, (string Path, string Where)> place)
    {
        foreach (var (path, source) in ExpressionLocations.Of(definition))
        {
            if (scopeAt(path) is not { } scope || string.IsNullOrWhiteSpace(source) || checker.Variables(source) is not { } variables)
            {
                continue;
            }

            foreach (var variable in variables.Where(v => !scope.Names.Contains(v.Name)))
            {
                var (at, where) = place(path, variable);
                context.Report(at, "expression.unknownName", Message(where, variable.Name, scope));
            }
        }
    }

    private static string Message(string where, string name, NameScope scope)
    {
        var text = $"{where}: '{name}' is not {scope.Description}.";
        if (scope.Notes.TryGetValue(name, out var note))
        {
            text += " " + note;
        }

        var suggestion = KeyFormat.Suggest(name, scope.Names.Concat(NonScopeNames));
        if (suggestion is not null)
        {
            text += $" Did you mean '{suggestion}'?";
        }
        else if (note is null)
        {
            text += " Correct the name, or add the field it should read.";
        }

        if (scope.Names.Count == 0)
        {
            text += " Nothing is in scope here.";
        }
        else if (scope.Names.Count <= MaxListed)
        {
            text += $" Available: {string.Join(", ", scope.Names.Order(StringComparer.Ordinal))}.";
        }

        return text;
    }
}

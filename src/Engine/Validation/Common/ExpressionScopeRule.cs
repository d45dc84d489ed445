using LowCode.Engine.Expressions;
using LowCode.Engine.Metadata;

namespace LowCode.Engine.Validation.Common;

/// <summary>
/// Every name an expression reads must exist where it runs, so <c>amout &gt; 500</c> fails at save time rather
/// than at run time. Helpers, JavaScript globals and a callback's own parameters and variables are never scope
/// names (the sandbox compiler leaves them out). Which names each expression sees is worked out by
/// <see cref="FormScopes"/> and <see cref="RuleSetScopes"/>; where it cannot be known, nothing is reported.
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

        var located = definition switch
        {
            FormDefinition form => FormScopes.Of(form),
            RuleSetDefinition ruleSet => RuleSetScopes.Of(ruleSet, context.Catalog),
            _ => [],
        };
        foreach (var (path, source, scope) in located)
        {
            if (string.IsNullOrWhiteSpace(source) || checker.Variables(source) is not { } variables)
            {
                continue;
            }

            foreach (var variable in variables.Where(v => !scope.Names.Contains(v.Name)))
            {
                context.Report(path, "expression.unknownName", Message(variable, scope));
            }
        }
    }

    private static string Message(ExpressionVariable variable, NameScope scope)
    {
        var text = $"Line {variable.Line}, column {variable.Column} of the expression: '{variable.Name}' is not {scope.Description}.";
        if (scope.Notes.TryGetValue(variable.Name, out var note))
        {
            text += " " + note;
        }

        var suggestion = KeyFormat.Suggest(variable.Name, scope.Names.Concat(NonScopeNames));
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

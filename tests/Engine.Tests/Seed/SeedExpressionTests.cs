using LowCode.Engine.Expressions;
using LowCode.Engine.Metadata;
using LowCode.Engine.Validation;
using LowCode.Engine.Validation.Common;

namespace LowCode.Engine.Tests.Seed;

/// <summary>The seed apps' expressions run in the sandbox and read only data the app's forms and steps provide.</summary>
public sealed class SeedExpressionTests
{
    public static TheoryData<string> Apps => [.. SeedFile.Apps];

    /// <summary>The save-time check the product wires in: the sandbox compiler behind the validator's interface.</summary>
    private sealed class SandboxSyntax : IExpressionSyntaxChecker
    {
        public IReadOnlyList<ExpressionSyntaxError> Check(string source) =>
            [.. ExpressionCompiler.Default.Check(source).Select(d => new ExpressionSyntaxError(d.Line, d.Column, $"{d.Message} {d.Hint}"))];
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void SeedApp_ExpressionsPassTheSandboxSyntaxCheck(string app)
    {
        var definitions = Load(app);
        var catalog = new DefinitionCatalog();
        definitions.ForEach(d => catalog.Add(d));
        var validator = new DefinitionValidator(new SandboxSyntax());

        var problems = definitions.SelectMany(d => validator.Validate(d, catalog).Where(p => p.Severity == ProblemSeverity.Error).Select(p => $"{d.Key}: {p}")).ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void SeedApp_ExpressionsReadOnlyFieldsOfItsFormsOrDataItsStepsSet(string app)
    {
        var definitions = Load(app);
        var known = KnownData(definitions);

        var strangers = definitions
            .SelectMany(d => ExpressionLocations.Of(d).Select(e => (d.Key, e.Path, Compiled: ExpressionCompiler.Default.Compile(e.Source))))
            .SelectMany(e => e.Compiled.Variables.Where(v => !known.Contains(v)).Select(v => $"{e.Key} {e.Path}: '{v}' in \"{e.Compiled.Source}\""))
            .ToList();

        Assert.True(strangers.Count == 0, "Expressions read names no form field or step provides:" + Environment.NewLine + string.Join(Environment.NewLine, strangers));
    }

    private static HashSet<string> KnownData(IEnumerable<IDefinition> definitions)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            switch (definition)
            {
                case FormDefinition form:
                    AddFields(form.Fields, known);
                    break;
                case ProcessDefinition process:
                    known.UnionWith(process.Steps.SelectMany(s => s.Set).Select(a => a.Path.Split('.')[0]));
                    if (process.Steps.Any(s => s.Webhook is not null))
                    {
                        // A webhook body also sees the resume URL of the signal the process waits for (docs/runtime.md).
                        known.Add(LowCode.Engine.Processes.StepExecution.ResumeUrlName);
                    }
                    break;
                case RuleSetDefinition ruleSet:
                    known.UnionWith(ruleSet.Rules.SelectMany(r => r.Then).Where(a => a.Type == ActionTypes.SetData && a.Path is not null).Select(a => a.Path!.Split('.')[0]));
                    break;
            }
        }

        return known;
    }

    private static void AddFields(IEnumerable<FieldDefinition> fields, HashSet<string> known)
    {
        foreach (var field in fields)
        {
            known.Add(field.Key);
            AddFields(field.Fields, known);
        }
    }

    private static List<IDefinition> Load(string app) =>
        [.. SeedFile.All.Where(f => f.App == app).Select(f => DefinitionJson.Parse(f.Kind, f.Text).Definition!)];
}

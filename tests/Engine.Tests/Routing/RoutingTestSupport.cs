using LowCode.Engine.Expressions;
using LowCode.Engine.Metadata;
using LowCode.Engine.Routing;
using LowCode.Engine.Tests.Seed;
using LowCode.Rules.Compilation;

namespace LowCode.Engine.Tests.Routing;

/// <summary>Compiles rule sets the way the Engine does, with the real sandbox and a fixed clock.</summary>
internal static class RoutingTestSupport
{
    private static readonly ExpressionEvaluator Sandbox = new();

    public static RoutingRuleSetCompiler Compiler { get; } =
        new(new SandboxRuleExpressions(Sandbox, new FixedClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero))));

    public static RuleSetDefinition SeedRuleSet(string app, string key)
    {
        var path = RepositoryRoot.Combine("seed", app, key + ".ruleset.json");
        return DefinitionJson.Parse<RuleSetDefinition>(File.ReadAllText(path))!;
    }

    public static RuleSetDefinition RuleSet(string rulesJson) =>
        DefinitionJson.Parse<RuleSetDefinition>($$"""{ "key": "test-rules", "name": "Test", "rules": {{rulesJson}} }""")!;

    public static CompiledRuleSet Compile(RuleSetDefinition definition)
    {
        var compilation = Compiler.Compile(definition, 1);
        Assert.True(compilation.Succeeded, string.Join(Environment.NewLine, compilation.Problems));
        return compilation.RuleSet!;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

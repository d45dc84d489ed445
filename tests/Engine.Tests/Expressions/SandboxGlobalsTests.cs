using Jint;
using Jint.Runtime;
using LowCode.Engine.Expressions;
using LowCode.Tests.Snapshots;

namespace LowCode.Engine.Tests.Expressions;

/// <summary>What a script can see is an approved surface: a new global, or a new static on one, cannot appear unnoticed.</summary>
public sealed class SandboxGlobalsTests
{
    [Fact]
    public void GlobalNamesAndTheirOwnProperties_MatchTheApprovedSnapshot()
    {
        using var evaluator = new ExpressionEvaluator();
        var global = evaluator.CreateEngine().Engine.Global;

        var lines = SandboxSetup.GlobalNames(evaluator.CreateEngine()).Select(name =>
        {
            var value = global.Get(name);
            IEnumerable<string> own = value.IsObject()
                ? value.AsObject().GetOwnPropertyKeys(Types.String | Types.Symbol).Select(k => k.ToString()).Order(StringComparer.Ordinal)
                : [value.Type.ToString().ToLowerInvariant()];
            return name + ": " + string.Join(" ", own);
        });

        ApprovedSnapshot.Match(string.Join("\n", lines) + "\n", "SandboxGlobalsTests.GlobalNamesAndTheirOwnProperties_MatchTheApprovedSnapshot.snap");
    }

    [Fact]
    public void EveryGlobalObjectAndItsPrototype_IsFrozen()
    {
        using var evaluator = new ExpressionEvaluator();

        foreach (var name in JavaScriptNames.BuiltInGlobals.Concat(HelperLibrary.Names).Where(n => n is not ("NaN" or "Infinity" or "undefined")))
        {
            var result = evaluator.Evaluate($"Object.isFrozen({name}) && ({name}['proto' + 'type'] === undefined || Object.isFrozen({name}['proto' + 'type']))", new ExpressionScope(DateTimeOffset.UnixEpoch), ExpectedType.Boolean, name);

            Assert.True(result.IsSuccess && result.Value.AsBoolean(), $"{name}: {result}");
        }
    }
}

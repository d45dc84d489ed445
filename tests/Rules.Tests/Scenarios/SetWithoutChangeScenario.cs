using LowCode.Rules.Builders;
using LowCode.Rules.Tests.Support;

namespace LowCode.Rules.Tests.Scenarios;

public sealed class SetWithoutChangeScenario
{
    // Regression: a rule that sets a field it does not test used to re-activate itself on every firing (each set
    // bumped the fact's version even when the value was already there) until the runaway limit stopped it.
    [Fact]
    public void Fire_RuleSettingAValueItDoesNotTest_FiresOnceAndStops()
    {
        var rules = new RuleSetBuilder("levels")
            .Rule("Big claims are finance level", r => r
                .Match("c", "Claim", w => w.Where("amount", ">", 1000))
                .Set("c", "level", "finance"))
            .Compile();
        var session = rules.CreateSession(new LowCode.Rules.Runtime.SessionOptions { MaxFirings = 50 });
        var claim = TestFacts.Make("Claim", ("amount", 5000));
        session.Insert(claim);

        var fired = session.Fire();

        Assert.Equal(2, fired);
        Assert.Equal("finance", claim["level"]);
    }

    [Fact]
    public void Fire_SetThatChangesNothing_KeepsTheFactVersion()
    {
        var rules = new RuleSetBuilder("levels")
            .Rule("Already finance", r => r
                .Match("c", "Claim")
                .Set("c", "level", "finance"))
            .Compile();
        var session = rules.CreateSession();
        var claim = TestFacts.Make("Claim", ("level", "finance"));
        session.Insert(claim);
        var version = claim.Version;

        Assert.Equal(1, session.Fire());
        Assert.Equal(version, claim.Version);
    }
}

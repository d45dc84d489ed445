using LowCode.Engine.Expressions;
using Microsoft.Extensions.Time.Testing;

namespace LowCode.Engine.Tests.Expressions;

/// <summary>now(), today() and Date read the evaluation's clock (the host's TimeProvider) and its configured time zone.</summary>
public sealed class ExpressionClockTests : IDisposable
{
    private readonly ExpressionEvaluator _evaluator = new();

    [Fact]
    public void ScopeFromAFakeClock_GivesTheSameAnswerOnEveryReplay()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 12, 31, 23, 30, 0, TimeSpan.Zero));
        const string Source = "[now(), today(), Date.now(), new Date().toISOString()]";

        var first = _evaluator.Evaluate(Source, ExpressionScope.FromClock(clock), ExpectedType.List, "a");
        var replay = _evaluator.Evaluate(Source, ExpressionScope.FromClock(clock), ExpectedType.List, "b");

        Assert.Equal("""["2024-12-31T23:30:00.000Z","2024-12-31",1735687800000,"2024-12-31T23:30:00.000Z"]""", first.Value.AsNode().ToJsonString());
        Assert.Equal(first.Value, replay.Value);
    }

    [Fact]
    public void ConfiguredTimeZone_DecidesTodayAndDatesLocalTime_ButNotTheInstant()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 12, 31, 23, 30, 0, TimeSpan.Zero));
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

        var result = _evaluator.Evaluate("[today(), new Date().getHours(), new Date().getDate(), Date.now()]", ExpressionScope.FromClock(clock, tokyo), ExpectedType.List, "a");
        var utc = _evaluator.Evaluate("[today(), new Date().getHours(), new Date().getDate(), Date.now()]", ExpressionScope.FromClock(clock), ExpectedType.List, "b");

        Assert.Equal("""["2025-01-01",8,1,1735687800000]""", result.Value.AsNode().ToJsonString());
        Assert.Equal("""["2024-12-31",23,31,1735687800000]""", utc.Value.AsNode().ToJsonString());
    }

    [Fact]
    public void AdvancingTheFakeClock_MovesNowForTheNextScope()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 5, 31, 0, 0, 0, TimeSpan.Zero));
        var before = _evaluator.Evaluate("today()", ExpressionScope.FromClock(clock), ExpectedType.Text, "a");

        clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(("2024-05-31", "2024-06-01"), (before.Value.AsText(), _evaluator.Evaluate("today()", ExpressionScope.FromClock(clock), ExpectedType.Text, "b").Value.AsText()));
    }

    public void Dispose() => _evaluator.Dispose();
}

using LowCode.Engine.Metadata;

namespace LowCode.Engine.Tests.Metadata;

public sealed class IsoDurationTests
{
    public static TheoryData<string, TimeSpan> Valid => new()
    {
        { "P3D", TimeSpan.FromDays(3) },
        { "PT48H", TimeSpan.FromHours(48) },
        { "P1W", TimeSpan.FromDays(7) },
        { "P1DT12H", TimeSpan.FromHours(36) },
        { "PT30M", TimeSpan.FromMinutes(30) },
        { "PT1H30M15S", new TimeSpan(1, 30, 15) },
        { "PT0.5S", TimeSpan.FromMilliseconds(500) },
        { "P0DT1S", TimeSpan.FromSeconds(1) },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void TryParse_ReadsDurationsAuthorsWrite(string text, TimeSpan expected)
    {
        Assert.True(IsoDuration.TryParse(text, out var duration, out var error), error);
        Assert.Equal(expected, duration);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("48h")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1DT")]
    [InlineData("pt4h")]
    [InlineData("-P1D")]
    [InlineData(" P1D")]
    [InlineData("P1.5D")]
    [InlineData("P1H")]
    [InlineData("PT1D")]
    [InlineData("1 day")]
    public void TryParse_RejectsTextThatIsNotADurationWithAnExample(string text)
    {
        Assert.False(IsoDuration.TryParse(text, out _, out var error));
        Assert.Contains($"'{text}' is not an ISO-8601 duration", error, StringComparison.Ordinal);
        Assert.Contains("'P3D'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("P1Y")]
    [InlineData("P2M")]
    [InlineData("P1Y2M3D")]
    public void TryParse_RejectsYearsAndMonthsAndSuggestsDays(string text)
    {
        Assert.False(IsoDuration.TryParse(text, out _, out var error));
        Assert.Contains("Write days instead", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_TreatsMAfterTAsMinutesNotMonths()
    {
        Assert.True(IsoDuration.TryParse("PT2M", out var duration, out _));
        Assert.Equal(TimeSpan.FromMinutes(2), duration);
    }

    [Theory]
    [InlineData("P0D")]
    [InlineData("PT0S")]
    public void TryParse_RejectsZeroDurations(string text)
    {
        Assert.False(IsoDuration.TryParse(text, out _, out var error));
        Assert.Contains("zero duration", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void TryParse_RejectsEmptyText(string? text)
    {
        Assert.False(IsoDuration.TryParse(text, out _, out var error));
        Assert.Contains("empty", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("P99999999999D")]
    [InlineData("PT99999999999999999999S")]
    public void TryParse_RejectsDurationsTooLongForATimeSpan(string text)
    {
        Assert.False(IsoDuration.TryParse(text, out _, out var error));
        Assert.Contains("too long", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReturnsTheDurationOrThrowsWithTheSameMessage()
    {
        Assert.Equal(TimeSpan.FromHours(4), IsoDuration.Parse("PT4H"));
        var exception = Assert.Throws<FormatException>(() => IsoDuration.Parse("4 hours"));
        Assert.Contains("'4 hours' is not an ISO-8601 duration", exception.Message, StringComparison.Ordinal);
    }
}

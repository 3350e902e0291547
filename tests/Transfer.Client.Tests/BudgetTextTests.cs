using Transfer.Client.Jobs;
using Transfer.Contracts.Jobs;

namespace Transfer.Client.Tests;

public sealed class BudgetTextTests
{
    [Theory]
    [InlineData("20", 20, null, null)]
    [InlineData("20 trials", 20, null, null)]
    [InlineData("1t", 1, null, null)]
    [InlineData("90s", null, 90.0, null)]
    [InlineData("30m", null, 1800.0, null)]
    [InlineData("1.5h", null, 5400.0, null)]
    [InlineData("0.5dh", null, null, 0.5)]
    [InlineData("2 device-hours", null, null, 2.0)]
    [InlineData(" 20 , 1h , 0.25dh ", 20, 3600.0, 0.25)]
    public void ATermIsANumberAndAUnit(string text, int? trials, double? seconds, double? deviceHours) =>
        Assert.Equal(new JobBudget(trials, seconds, deviceHours), BudgetText.Parse(text));

    [Theory]
    [InlineData("", "'' is not a budget")]
    [InlineData("2.5", "'2.5' is not a budget")]
    [InlineData("0", "'0' is not a budget")]
    [InlineData("-3h", "'-3h' is not a budget")]
    [InlineData("3 weeks", "'3 weeks' is not a budget")]
    [InlineData("1h,30m", "gives a wall time twice")]
    [InlineData("10,20", "gives a trial count twice")]
    public void WhatIsNotABudgetSaysWhatIs(string text, string message)
    {
        var ex = Assert.Throws<FormatException>(() => BudgetText.Parse(text));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.Contains("e.g. 20,1h", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatReadsBackWhatParseTakes()
    {
        Assert.Equal("20 trials, 1h30m wall time, 0.5 device-hours", BudgetText.Format(BudgetText.Parse("20,90m,0.5dh")));
        Assert.Equal("1 trial", BudgetText.Format(new JobBudget(Trials: 1)));
        Assert.Equal("45s wall time", BudgetText.Format(new JobBudget(WallTimeSeconds: 45)));
        Assert.Equal("-", BudgetText.Format(null));
        Assert.Equal("2m5s", BudgetText.Duration(125));
    }
}

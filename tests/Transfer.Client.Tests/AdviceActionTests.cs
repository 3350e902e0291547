using Transfer.Client.Jobs;

namespace Transfer.Client.Tests;

public sealed class AdviceActionTests
{
    [Theory]
    [InlineData("base_lr *= 0.1", "base_lr", 0.001, 0.0001)]
    [InlineData("weight_decay *= 10", "weight_decay", 0.0005, 0.005)]
    [InlineData("max_iter *= 2", "max_iter", 600.0, 1200.0)]
    [InlineData("momentum = 0.95", "momentum", null, 0.95)]
    [InlineData("base_lr /= 4", "base_lr", 0.02, 0.005)]
    [InlineData("gamma -= 1e-2", "gamma", 0.5, 0.49)]
    public void AnActionAppliesItsOperatorToTheCurrentValue(string text, string name, double? current, double expected)
    {
        var action = AdviceAction.Parse(text);

        Assert.Equal(name, action.Name);
        Assert.False(action.IsStop);
        Assert.Equal(expected, action.Apply(current), 12);
    }

    [Fact]
    public void StopIsAnActionWithoutAValue()
    {
        Assert.True(AdviceAction.Parse(" stop ").IsStop);
    }

    [Theory]
    [InlineData("lower the learning rate")]
    [InlineData("base_lr *= ten")]
    [InlineData("*= 0.1")]
    public void TextThatIsNotAnActionIsRefused(string text)
    {
        Assert.Throws<FormatException>(() => AdviceAction.Parse(text));
    }

    [Fact]
    public void ARelativeChangeNeedsACurrentValue()
    {
        Assert.Throws<InvalidOperationException>(() => AdviceAction.Parse("base_lr *= 0.1").Apply(null));
    }
}

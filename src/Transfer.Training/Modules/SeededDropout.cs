using TorchSharp;
using static TorchSharp.torch;

namespace Transfer.Training.Modules;

/// <summary>
/// Inverted dropout drawing its mask from a generator owned by the model, not torch's process-wide one, so several
/// trainers in one process stay reproducible (and a resumed run draws the same masks).
/// </summary>
internal sealed class SeededDropout(double rate, Func<Generator> generator) : nn.Module<Tensor, Tensor>("SeededDropout")
{
    public override Tensor forward(Tensor input)
    {
        if (!training || rate <= 0)
        {
            return input.alias();
        }

        using var mask = torch.empty_like(input).bernoulli_(1 - rate, generator());
        return input * mask / (1 - rate);
    }
}

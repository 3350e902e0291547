using Transfer.Contracts.Training;
using Transfer.Training.Inference;
using Transfer.Training.Modules;
using TorchSharp;

namespace Transfer.Training;

/// <summary>
/// Starts a network for a new dataset from a benchmark model: the benchmark's backbone weights, a fresh head for the
/// new class count, and the cut point of the new spec. Without a benchmark model the network trains from scratch.
/// </summary>
public static class FineTuning
{
    /// <summary>
    /// Builds <paramref name="spec"/> (head initialised from <paramref name="seed"/>) and, when
    /// <paramref name="benchmarkModel"/> is given (a stream written by <see cref="TrainedModel.SaveAsync"/>), copies
    /// its backbone weights in. The backbones must have the same layers and input shape.
    /// </summary>
    public static async Task<SpecModule> CreateAsync(ModelSpec spec, int seed, Stream? benchmarkModel, torch.Device? device = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var module = SpecModule.Create(spec, seed, device);
        if (benchmarkModel is null)
        {
            return module;
        }

        using var benchmark = await TrainedModel.LoadAsync(benchmarkModel, device, cancellationToken);
        CopyBackbone(benchmark.Module, module);
        return module;
    }

    /// <summary>Copies the backbone weights (and batch-norm statistics) of <paramref name="source"/> into <paramref name="target"/>.</summary>
    public static void CopyBackbone(SpecModule source, SpecModule target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        if (!source.Spec.HasSameBackbone(target.Spec))
        {
            throw new ArgumentException(
                $"backbones differ: {LayerNotation.Format(source.Spec.Backbone)} on {source.Spec.Input} vs {LayerNotation.Format(target.Spec.Backbone)} on {target.Spec.Input}",
                nameof(target));
        }

        var (missing, unexpected) = target.Backbone.load_state_dict(source.Backbone.state_dict(), strict: true);
        if (missing.Count > 0 || unexpected.Count > 0)
        {
            throw new InvalidOperationException($"backbone state mismatch: missing {string.Join(",", missing)}; unexpected {string.Join(",", unexpected)}");
        }
    }
}

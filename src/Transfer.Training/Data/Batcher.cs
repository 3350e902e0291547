using TorchSharp;
using static TorchSharp.torch;

namespace Transfer.Training.Data;

/// <summary>
/// Turns positions of an <see cref="IExampleSet"/> into input and label tensors without per-step managed
/// allocations: the set writes into one pinned buffer that backs a long-lived tensor, and each batch is a view of it
/// (copied to the device when that is not the CPU). A batch's tensors are valid until the next call.
/// </summary>
public sealed class Batcher : IDisposable
{
    private readonly IExampleSet _set;
    private readonly float[] _features;
    private readonly long[] _labels;
    private readonly Tensor _featureStore;
    private readonly Tensor _labelStore;
    private readonly long[] _shape;
    private readonly Device _device;

    public Batcher(IExampleSet set, int batchSize, Device device)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _set = set;
        _device = device;
        Capacity = batchSize;
        _features = new float[batchSize * set.ExampleSize];
        _labels = new long[batchSize];
        _featureStore = torch.from_array(_features).DetachFromDisposeScope();
        _labelStore = torch.from_array(_labels).DetachFromDisposeScope();
        _shape = [batchSize, .. set.ExampleShape];
    }

    /// <summary>The largest batch.</summary>
    public int Capacity { get; }

    /// <summary>
    /// Fills a batch and returns its tensors (registered in the caller's dispose scope; the backing store is not).
    /// </summary>
    public (Tensor Input, Tensor Labels) Next(ReadOnlySpan<int> positions, Random? augmentation)
    {
        if (positions.Length > Capacity)
        {
            throw new ArgumentException($"batch of {positions.Length} exceeds capacity {Capacity}", nameof(positions));
        }

        var n = positions.Length;
        _set.Fill(positions, _features.AsSpan(0, n * _set.ExampleSize), _labels.AsSpan(0, n), augmentation);
        _shape[0] = n;
        var input = _featureStore.narrow(0, 0, n * _set.ExampleSize).view(_shape);
        var labels = _labelStore.narrow(0, 0, n);
        if (_device.type != DeviceType.CPU)
        {
            return (input.to(_device), labels.to(_device));
        }

        return (input, labels);
    }

    public void Dispose()
    {
        _featureStore.Dispose();
        _labelStore.Dispose();
    }
}

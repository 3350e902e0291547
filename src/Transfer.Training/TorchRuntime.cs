using TorchSharp;

namespace Transfer.Training;

/// <summary>
/// Chooses the torch device once per process and sets the thread count. Also guards the global torch generator:
/// weight initialisation seeds it, so model construction holds <see cref="RandomGate"/>.
/// </summary>
public static class TorchRuntime
{
    private static readonly Lock _gate = new();
    private static torch.Device? _device;

    /// <summary>A lock for code that seeds and then draws from torch's global generator.</summary>
    public static Lock RandomGate { get; } = new();

    /// <summary>The device chosen by <see cref="Configure"/> (CPU until configured).</summary>
    public static torch.Device Device
    {
        get
        {
            lock (_gate)
            {
                return _device ??= Pick(new TorchOptions());
            }
        }
    }

    /// <summary>Applies <paramref name="options"/>: thread count and device. Returns the device.</summary>
    public static torch.Device Configure(TorchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        lock (_gate)
        {
            _device = Pick(options);
            return _device;
        }
    }

    private static torch.Device Pick(TorchOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Threads, 1);
        torch.set_num_threads(options.Threads);
        return options.Device.ToUpperInvariant() switch
        {
            "CPU" => torch.CPU,
            "CUDA" => torch.CUDA,
            "AUTO" => torch.cuda.is_available() ? torch.CUDA : torch.CPU,
            _ => throw new ArgumentException($"unknown device '{options.Device}' (auto, cpu, cuda)", nameof(options)),
        };
    }
}

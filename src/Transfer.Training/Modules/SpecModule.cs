using Transfer.Contracts.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Transfer.Training.Modules;

/// <summary>
/// The torch module a <see cref="ModelSpec"/> describes: backbone blocks (state keys <c>backbone.i.j.*</c>), head
/// (<c>head.j.*</c>) and output layer (<c>output.*</c>). Weights are initialised from the seed, so a spec and a seed
/// fully determine the module.
/// </summary>
public sealed class SpecModule : Module<Tensor, Tensor>
{
    private readonly ModuleList<Sequential> _backbone;
    private readonly Sequential _head;
    private readonly int _headCount;
    private readonly Module<Tensor, Tensor>? _flatten;
    private readonly Linear _output;
    private readonly List<(int Block, string Name, LayerSpec Spec, Module Module)> _layers = [];
    private Generator _generator = new(0, CPU);

    private SpecModule(ModelSpec spec) : base("SpecModule")
    {
        Spec = spec;
        var factory = new LayerFactory(spec.Input, () => _generator);
        var blocks = new List<List<(string, Module<Tensor, Tensor>)>>();
        foreach (var layer in spec.Backbone)
        {
            if (layer.Kind is LayerKind.Conv or LayerKind.FullyConnected || blocks.Count == 0)
            {
                blocks.Add([]);
            }

            Add(blocks[^1], factory, layer, blocks.Count - 1, $"backbone.{blocks.Count - 1}");
        }

        var headLayers = new List<(string, Module<Tensor, Tensor>)>();
        foreach (var layer in spec.Head)
        {
            Add(headLayers, factory, layer, int.MaxValue, "head");
        }

        _backbone = new ModuleList<Sequential>([.. blocks.Select(b => Sequential(b))]);
        _head = Sequential(headLayers);
        _headCount = headLayers.Count;
        _flatten = factory.FlattenIfSpatial();
        _output = (Linear)factory.Linear(spec.Classes);
        _layers.Add((int.MaxValue, "output", new LayerSpec(LayerKind.FullyConnected, spec.Classes, LrMult: spec.OutputLrMult, DecayMult: spec.OutputDecayMult), _output));
        register_module("backbone", _backbone);
        register_module("head", _head);
        register_module("output", _output);
        SetFrozenBlocks(spec.FrozenBlocks);
    }

    /// <summary>The spec this module was built from (with the current cut point).</summary>
    public ModelSpec Spec { get; private set; }

    /// <summary>The backbone blocks: the part that moves between datasets.</summary>
    public Module Backbone => _backbone;

    /// <summary>Builds the module of <paramref name="spec"/> with weights drawn from <paramref name="seed"/>, on <paramref name="device"/>.</summary>
    public static SpecModule Create(ModelSpec spec, int seed, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.Classes, 1);
        SpecModule module;
        lock (TorchRuntime.RandomGate)
        {
            torch.random.manual_seed(seed);
            module = new SpecModule(spec);
        }

        module.to(device ?? TorchRuntime.Device);
        return module;
    }

    /// <summary>Re-seeds the generator the model's dropout layers draw from (the trainer does this every step).</summary>
    public void SeedDropout(int seed)
    {
        var device = _output.weight!.device;
        if (_generator.device.type != device.type)
        {
            _generator.Dispose();
            _generator = new Generator((ulong)seed, device);
        }

        _generator.manual_seed(seed);
    }

    /// <summary>Freezes the first <paramref name="blocks"/> backbone blocks and unfreezes the rest (the cut point).</summary>
    public void SetFrozenBlocks(int blocks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(blocks);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(blocks, _backbone.Count);
        Spec = Spec with { FrozenBlocks = blocks };
        foreach (var (block, _, _, module) in _layers)
        {
            foreach (var p in module.parameters())
            {
                p.requires_grad = block >= blocks;
            }
        }
    }

    /// <summary>Training mode for the trainable part; frozen blocks stay in evaluation mode (batch norm statistics fixed, no dropout).</summary>
    public void SetTraining(bool on)
    {
        train(on);
        for (var i = 0; i < Spec.FrozenBlocks; i++)
        {
            _backbone[i].eval();
        }
    }

    /// <summary>The trainable parameters per layer with their multipliers (frozen layers left out).</summary>
    public IReadOnlyList<ParameterGroup> ParameterGroups() =>
        _layers.Where(l => l.Block >= Spec.FrozenBlocks)
            .Select(l => new ParameterGroup(l.Name, l.Module.parameters().ToList(), l.Spec.LrMult, l.Spec.DecayMult))
            .Where(g => g.Parameters.Count > 0)
            .ToList();

    /// <summary>The backbone's output for <paramref name="input"/> (no head, no output layer): what transfers.</summary>
    public Tensor ForwardBackbone(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var x = input;
        foreach (var block in _backbone)
        {
            x = block.call(x);
        }

        return x;
    }

    public override Tensor forward(Tensor input)
    {
        var x = input;
        foreach (var block in _backbone)
        {
            x = block.call(x);
        }

        if (_headCount > 0)
        {
            x = _head.call(x);
        }

        if (_flatten is not null)
        {
            x = _flatten.call(x);
        }

        return _output.call(x);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _generator.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Add(List<(string, Module<Tensor, Tensor>)> target, LayerFactory factory, LayerSpec layer, int block, string prefix)
    {
        if (layer.Kind == LayerKind.FullyConnected && factory.FlattenIfSpatial() is { } flatten)
        {
            target.Add(($"{target.Count}", flatten));
        }

        var module = factory.Create(layer);
        var name = $"{target.Count}";
        target.Add((name, module));
        if (layer.HasParameters)
        {
            _layers.Add((block, $"{prefix}.{name}", layer, module));
        }
    }
}

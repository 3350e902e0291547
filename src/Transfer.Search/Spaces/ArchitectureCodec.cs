using System.Globalization;
using Transfer.Contracts.Search;

namespace Transfer.Search.Spaces;

/// <summary>
/// Expands an architecture parameter into primitive dimensions (<c>name.depth</c>, and per position <c>name.i.kind</c>,
/// <c>conv_kernel</c>, <c>filters</c>, <c>pool_kernel</c>, <c>pool_stride</c>, <c>units</c>, <c>lr_mult</c>, <c>decay_mult</c>;
/// positions past the minimum depth exist only when <c>name.depth</c> reaches them) and maps between those and layer lists.
/// Decoding repairs what the rules forbid (a C or P after an FC becomes an FC; pools past <c>MaxPools</c> become convolutions),
/// so every point of the primitive space is a valid head.
/// </summary>
internal sealed class ArchitectureCodec
{
    private static readonly string[] _fields = ["kind", "conv_kernel", "filters", "pool_kernel", "pool_stride", "units", "lr_mult", "decay_mult"];
    private readonly ArchitectureDefinition _def;
    private readonly string _name;
    private readonly Dictionary<string, IReadOnlyList<string>> _choices;

    public ArchitectureCodec(string name, ArchitectureDefinition def)
    {
        _name = name;
        _def = def;
        _choices = _fields.ToDictionary(f => f, ComputeChoices);
    }

    public ArchitectureDefinition Definition => _def;

    /// <summary>The expanded dimensions with their parent given by name (resolved by the space).</summary>
    public IEnumerable<(Dimension Dimension, string? Parent, double Min)> Expand()
    {
        yield return (new Dimension($"{_name}.depth", DimensionKind.Int, _def.MinDepth, _def.MaxDepth, false, 1, []), null, 0);
        for (var i = 0; i < _def.MaxDepth; i++)
        {
            var parent = i >= _def.MinDepth ? $"{_name}.depth" : null;
            foreach (var field in _fields)
            {
                var choices = Choices(field);
                if (choices.Count > 0)
                {
                    yield return (new Dimension($"{_name}.{i}.{field}", DimensionKind.Categorical, 0, choices.Count - 1, false, 1, choices), parent, i + 1);
                }
            }
        }
    }

    public IReadOnlyList<HeadLayer> Decode(Func<string, double> value)
    {
        var depth = (int)value($"{_name}.depth");
        var layers = new List<HeadLayer>(depth);
        var seenFc = false;
        var pools = 0;
        for (var i = 0; i < depth; i++)
        {
            var kind = Pick(i, "kind", value) ?? HeadLayer.FullyConnected;
            if (seenFc || (kind == HeadLayer.Pool && pools >= _def.MaxPools))
            {
                kind = seenFc || !_def.LayerKinds.Contains(HeadLayer.Conv) ? HeadLayer.FullyConnected : HeadLayer.Conv;
            }

            var lr = ParseDouble(Pick(i, "lr_mult", value), 1.0);
            var decay = ParseDouble(Pick(i, "decay_mult", value), 1.0);
            layers.Add(kind switch
            {
                HeadLayer.Conv => new HeadLayer(kind, ParseInt(Pick(i, "conv_kernel", value)), ParseInt(Pick(i, "filters", value)), lr, decay),
                HeadLayer.Pool => new HeadLayer(kind, ParseInt(Pick(i, "pool_kernel", value)), ParseInt(Pick(i, "pool_stride", value)), lr, decay),
                _ => new HeadLayer(HeadLayer.FullyConnected, 0, ParseInt(Pick(i, "units", value)), lr, decay),
            });
            seenFc |= kind == HeadLayer.FullyConnected;
            pools += kind == HeadLayer.Pool ? 1 : 0;
        }

        return layers;
    }

    /// <summary>Writes a layer list into the expanded dimensions (unknown position fields stay NaN).</summary>
    public void Encode(IReadOnlyList<HeadLayer> layers, Action<string, double> set)
    {
        set($"{_name}.depth", layers.Count);
        for (var i = 0; i < layers.Count; i++)
        {
            var l = layers[i];
            Set(i, "kind", l.Kind, set);
            Set(i, "lr_mult", Format(l.LrMult), set);
            Set(i, "decay_mult", Format(l.DecayMult), set);
            switch (l.Kind)
            {
                case HeadLayer.Conv:
                    Set(i, "conv_kernel", Format(l.Kernel), set);
                    Set(i, "filters", Format(l.Size), set);
                    break;
                case HeadLayer.Pool:
                    Set(i, "pool_kernel", Format(l.Kernel), set);
                    Set(i, "pool_stride", Format(l.Size), set);
                    break;
                default:
                    Set(i, "units", Format(l.Size), set);
                    break;
            }
        }
    }

    /// <summary>Why a layer list is not a member of this architecture space (empty when it is).</summary>
    public IEnumerable<string> Problems(IReadOnlyList<HeadLayer> layers)
    {
        if (layers.Count < _def.MinDepth || layers.Count > _def.MaxDepth)
        {
            yield return $"'{_name}': depth {layers.Count} is outside [{_def.MinDepth}, {_def.MaxDepth}]";
        }

        var seenFc = false;
        var pools = 0;
        foreach (var l in layers)
        {
            if (!_def.LayerKinds.Contains(l.Kind))
            {
                yield return $"'{_name}': layer kind '{l.Kind}' is not allowed";
                continue;
            }

            if (seenFc && l.Kind != HeadLayer.FullyConnected)
            {
                yield return $"'{_name}': {l.Notation} comes after a fully connected layer";
            }

            seenFc |= l.Kind == HeadLayer.FullyConnected;
            pools += l.Kind == HeadLayer.Pool ? 1 : 0;
            var ok = l.Kind switch
            {
                HeadLayer.Conv => _def.ConvKernels.Contains(l.Kernel) && _def.ConvFilters.Contains(l.Size),
                HeadLayer.Pool => _def.PoolKernels.Contains(l.Kernel) && _def.PoolStrides.Contains(l.Size),
                _ => _def.FcUnits.Contains(l.Size),
            };
            if (!ok || !_def.LrMults.Contains(l.LrMult) || !_def.DecayMults.Contains(l.DecayMult))
            {
                yield return $"'{_name}': {l.Notation} (lr_mult {l.LrMult}, decay_mult {l.DecayMult}) uses a value outside the layer choices";
            }
        }

        if (pools > _def.MaxPools)
        {
            yield return $"'{_name}': {pools} pooling layers, at most {_def.MaxPools} allowed";
        }
    }

    private IReadOnlyList<string> Choices(string field) => _choices[field];

    private IReadOnlyList<string> ComputeChoices(string field) => field switch
    {
        "kind" => _def.LayerKinds,
        "conv_kernel" when _def.LayerKinds.Contains(HeadLayer.Conv) => [.. _def.ConvKernels.Select(Format)],
        "filters" when _def.LayerKinds.Contains(HeadLayer.Conv) => [.. _def.ConvFilters.Select(Format)],
        "pool_kernel" when _def.LayerKinds.Contains(HeadLayer.Pool) => [.. _def.PoolKernels.Select(Format)],
        "pool_stride" when _def.LayerKinds.Contains(HeadLayer.Pool) => [.. _def.PoolStrides.Select(Format)],
        "units" when _def.LayerKinds.Contains(HeadLayer.FullyConnected) => [.. _def.FcUnits.Select(Format)],
        "lr_mult" => [.. _def.LrMults.Select(Format)],
        "decay_mult" => [.. _def.DecayMults.Select(Format)],
        _ => [],
    };

    private string? Pick(int position, string field, Func<string, double> value)
    {
        var choices = Choices(field);
        if (choices.Count == 0)
        {
            return null;
        }

        var v = value($"{_name}.{position}.{field}");
        return double.IsNaN(v) ? choices[0] : choices[(int)v];
    }

    private void Set(int position, string field, string choice, Action<string, double> set)
    {
        var index = Choices(field).ToList().IndexOf(choice);
        if (index >= 0)
        {
            set($"{_name}.{position}.{field}", index);
        }
    }

    private static string Format(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static int ParseInt(string? s) => s is null ? 0 : int.Parse(s, CultureInfo.InvariantCulture);

    private static double ParseDouble(string? s, double fallback) => s is null ? fallback : double.Parse(s, CultureInfo.InvariantCulture);
}

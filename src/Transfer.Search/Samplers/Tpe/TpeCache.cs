using Transfer.Contracts.Search;
using Transfer.Search.Spaces;
using Transfer.Search.Trials;

namespace Transfer.Search.Samplers.Tpe;

/// <summary>
/// Incremental view of the finished observations: added once per trial number, kept per dimension in sorted columns.
/// Only a memo of the history (a rebuilt sampler rebuilds it), so it is not part of the sampler's snapshot.
/// </summary>
internal sealed class TpeCache
{
    private readonly SearchSpace _space;
    private readonly Dictionary<int, double> _included = [];
    private readonly double[]? _priorQualities;
    private readonly List<double> _completeLosses = [];

    /// <summary>
    /// Starts with the priors: values in the study's direction, or with <paramref name="scale"/> = quantile, qualities
    /// that <see cref="PlacePriors"/> reads on the scale of the trials completed so far.
    /// </summary>
    public TpeCache(SearchSpace space, IReadOnlyList<Observation> priors, StudyDirection direction, PriorScale scale = PriorScale.Objective)
    {
        _space = space;
        Direction = direction;
        Columns = [.. space.Dimensions.Select(d => new SortedColumn(d.IsCategorical ? d.Choices.Count : 0))];
        _priorQualities = scale == PriorScale.Quantile ? [.. priors.Select(p => p.Loss)] : null;
        foreach (var p in priors)
        {
            Add(p.Values, scale == PriorScale.Quantile ? PriorPlacement.Loss(p.Loss, []) : direction == StudyDirection.Minimize ? p.Loss : -p.Loss, p.Weight);
        }
    }

    public StudyDirection Direction { get; }

    public SortedColumn[] Columns { get; }

    /// <summary>Unit-scale (continuous) or index (categorical) vectors, NaN where inactive.</summary>
    public List<double[]> Units { get; } = [];

    public List<double> Losses { get; } = [];

    public List<double> Weights { get; } = [];

    /// <summary>True when the history no longer matches what was added (a trial's value changed or vanished): rebuild.</summary>
    public bool Stale { get; private set; }

    /// <summary>
    /// Ranks a pruned trial after every complete one: its last value was measured early, so it says "worse than what
    /// finished", not how much worse (Optuna's TPE orders pruned trials the same way).
    /// </summary>
    private const double PrunedOffset = 1e6;

    /// <summary>
    /// Adds finished trials not seen yet: complete ones by their value, pruned ones by their last reported value behind
    /// every complete one (<see cref="PrunedOffset"/>), so that configurations a scheduler cut early count against their
    /// region instead of vanishing from the model. Returns the pending trials' unit vectors.
    /// </summary>
    public List<double[]> Sync(TrialHistory history, Func<TrialRecord, double[]> encode)
    {
        var pending = new List<double[]>();
        var finished = 0;
        foreach (var t in history.Trials)
        {
            if (t.State == TrialState.Pending)
            {
                pending.Add(ToUnits(encode(t)));
            }
            else if (Loss(history, t) is { } loss)
            {
                finished++;
                if (_included.TryGetValue(t.Number, out var seen))
                {
                    Stale |= seen != loss;
                }
                else
                {
                    _included[t.Number] = loss;
                    Add(encode(t), loss, 1.0);
                    if (t.State == TrialState.Complete)
                    {
                        _completeLosses.Add(loss);
                    }
                }
            }
        }

        Stale |= finished != _included.Count;
        return pending;
    }

    /// <summary>Re-reads quantile priors (the first losses) on the scale of the trials completed so far; no-op otherwise.</summary>
    public void PlacePriors()
    {
        if (_priorQualities is null)
        {
            return;
        }

        var own = _completeLosses.Order().ToArray();
        for (var i = 0; i < _priorQualities.Length; i++)
        {
            Losses[i] = PriorPlacement.Loss(_priorQualities[i], own);
        }
    }

    private static double? Loss(TrialHistory history, TrialRecord t) => t.State switch
    {
        TrialState.Complete when t.Value is { } v && double.IsFinite(v) => history.Loss(v),
        TrialState.Pruned when (t.Value ?? t.Curve.LastOrDefault()?.Value) is { } v && double.IsFinite(v) => PrunedOffset + history.Loss(v),
        _ => null,
    };

    public double[] ToUnits(double[] values)
    {
        var units = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var d = _space.Dimensions[i];
            units[i] = double.IsNaN(values[i]) ? double.NaN : d.IsCategorical ? values[i] : d.ToUnit(values[i]);
        }

        return units;
    }

    /// <summary>Indices of the k lowest losses (ties broken by insertion order).</summary>
    public int[] Best(int k)
    {
        var best = new List<int>(k + 1);
        for (var i = 0; i < Losses.Count; i++)
        {
            if (best.Count == k && Losses[i] >= Losses[best[^1]])
            {
                continue;
            }

            var at = best.Count;
            while (at > 0 && Losses[best[at - 1]] > Losses[i])
            {
                at--;
            }

            best.Insert(at, i);
            if (best.Count > k)
            {
                best.RemoveAt(k);
            }
        }

        return [.. best];
    }

    private void Add(double[] values, double loss, double weight)
    {
        var units = ToUnits(values);
        Units.Add(units);
        Losses.Add(loss);
        Weights.Add(weight);
        for (var i = 0; i < units.Length; i++)
        {
            if (!double.IsNaN(units[i]))
            {
                Columns[i].Add(units[i], weight);
            }
        }
    }
}

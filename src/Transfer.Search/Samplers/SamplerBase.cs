using Transfer.Contracts.Search;
using Transfer.Search.Spaces;
using Transfer.Search.Trials;

namespace Transfer.Search.Samplers;

/// <summary>
/// Shared plumbing: enqueued warm-start configurations first, a per-trial random stream derived from the seed and the
/// trial number (so a rebuilt sampler asks the same), encoded observations cached by trial number.
/// </summary>
public abstract class SamplerBase : ISampler
{
    private readonly Dictionary<int, double[]> _encoded = [];
    private readonly Dictionary<int, string> _keys = [];
    private readonly IReadOnlyList<IReadOnlyDictionary<string, ParameterValue>> _enqueued;

    protected SamplerBase(SearchSpace space, int seed, WarmStartDefinition? warmStart)
    {
        Space = space;
        Seed = seed;
        _enqueued = warmStart?.Enqueued ?? [];
        foreach (var config in _enqueued)
        {
            var problems = space.Check(config);
            if (problems.Count > 0)
            {
                throw new ArgumentException("Enqueued configuration is not in the search space: " + string.Join("; ", problems), nameof(warmStart));
            }
        }

        PriorScale = warmStart?.Scale ?? PriorScale.Objective;
        var priors = new List<Observation>();
        foreach (var prior in warmStart?.Observations ?? [])
        {
            if (PriorScale == PriorScale.Quantile && !(prior.Value is >= 0 and <= 1))
            {
                throw new ArgumentException($"A quantile-scale prior observation's value must be in [0, 1] (1 = the best on its task), not {prior.Value}.", nameof(warmStart));
            }

            if (double.IsFinite(prior.Value) && prior.Weight > 0)
            {
                priors.Add(new Observation(space.Encode(prior.Configuration), prior.Value, Math.Min(1.0, prior.Weight)));
            }
        }

        Priors = priors;
    }

    public abstract string Name { get; }

    public SearchSpace Space { get; }

    public int Seed { get; }

    /// <summary>
    /// Warm-start observations, encoded; their values (<see cref="Observation.Loss"/> here) are in the study's own
    /// direction, or quantiles (1 = best) when <see cref="PriorScale"/> is <see cref="PriorScale.Quantile"/>.
    /// </summary>
    protected IReadOnlyList<Observation> Priors { get; }

    /// <summary>What the priors' values are measured in.</summary>
    protected PriorScale PriorScale { get; }

    public IReadOnlyDictionary<string, ParameterValue> Ask(TrialHistory history)
    {
        if (_enqueued.Count > 0)
        {
            var asked = history.Trials.Select(Key).ToHashSet(StringComparer.Ordinal);
            foreach (var config in _enqueued)
            {
                if (!asked.Contains(ConfigurationKey.Of(config)))
                {
                    return config;
                }
            }
        }

        return AskConfiguration(history, new Random(DeriveSeed(Seed, history.Trials.Count)));
    }

    public virtual void Tell(TrialHistory history, TrialRecord trial)
    {
    }

    public virtual SamplerSnapshot Snapshot() => new(Name);

    public virtual void Restore(SamplerSnapshot snapshot)
    {
        if (snapshot.Sampler != Name)
        {
            throw new ArgumentException($"Snapshot of '{snapshot.Sampler}' cannot restore '{Name}'.", nameof(snapshot));
        }
    }

    /// <summary>Mixes a seed and a counter into an independent stream seed.</summary>
    public static int DeriveSeed(int seed, int counter)
    {
        var x = unchecked((ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ ((ulong)(uint)counter + 0x632BE59BD9B4E019UL));
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        return (int)((x ^ (x >> 31)) & 0x7FFFFFFF);
    }

    protected virtual IReadOnlyDictionary<string, ParameterValue> AskConfiguration(TrialHistory history, Random random) =>
        Space.Decode(AskVector(history, random));

    /// <summary>An encoded point (inactive dimensions NaN) for the next trial.</summary>
    protected abstract double[] AskVector(TrialHistory history, Random random);

    /// <summary>The encoded configuration of a trial, cached by trial number.</summary>
    protected double[] Encode(TrialRecord trial)
    {
        if (!_encoded.TryGetValue(trial.Number, out var values))
        {
            values = Space.Encode(trial.Configuration);
            _encoded[trial.Number] = values;
        }

        return values;
    }

    /// <summary>
    /// Finished trials (loss = value in the minimising direction, weight 1) followed by the warm-start priors (quantile
    /// priors read on the finished trials' scale: <see cref="PriorPlacement"/>).
    /// </summary>
    protected List<Observation> Observations(TrialHistory history)
    {
        var list = new List<Observation>(history.Trials.Count + Priors.Count);
        foreach (var t in history.Trials)
        {
            if (t.State == TrialState.Complete && t.Value is { } v && double.IsFinite(v))
            {
                list.Add(new Observation(Encode(t), history.Loss(v), 1.0));
            }
        }

        var own = PriorScale == PriorScale.Quantile ? list.Select(o => o.Loss).Order().ToArray() : null;
        foreach (var p in Priors)
        {
            list.Add(p with { Loss = own is null ? history.Loss(p.Loss) : PriorPlacement.Loss(p.Loss, own) });
        }

        return list;
    }

    private string Key(TrialRecord trial)
    {
        if (!_keys.TryGetValue(trial.Number, out var key))
        {
            key = ConfigurationKey.Of(trial.Configuration);
            _keys[trial.Number] = key;
        }

        return key;
    }
}

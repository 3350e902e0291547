using System.Text.Json;
using Transfer.Contracts.Search;
using Transfer.Search.Samplers.Tpe;
using Transfer.Search.Spaces;
using Transfer.Search.Trials;

namespace Transfer.Search.Samplers.Rl;

/// <summary>
/// An RL architecture controller after MetaQNN (Baker et al. 2017): heads are built layer by layer by an epsilon-greedy
/// walk over a Q table whose states are (depth, previous layer, pools so far) and whose actions are the next layer or
/// END, under the space's rules (nothing but FC after an FC, at most MaxPools pools, depth in range). A finished trial's
/// reward is its loss min-max scaled to [0, 1] among the trials finished so far (1 = best); Q-learning updates run
/// backwards along the trial's layer sequence, with experience replay of earlier trials. lr_mult/decay_mult are drawn from
/// their choices. The other parameters come from an inner sampler (TPE by default). Extra state: the Q tables and the
/// trials learnt from (<see cref="Snapshot"/>); learning happens in trial-number order as trials finish.
/// </summary>
public sealed partial class RlArchitectureSampler : SamplerBase
{
    private const string End = "END";
    private readonly RlOptions _options;
    private readonly ISampler _inner;
    private readonly Dictionary<string, ArchitectureDefinition> _architectures;
    private readonly Dictionary<string, QTable> _tables = new(StringComparer.Ordinal);
    private readonly List<int> _learnt = [];
    private readonly List<double> _rewards = [];

    public RlArchitectureSampler(SearchSpace space, int seed, WarmStartDefinition? warmStart = null, ISampler? inner = null, RlOptions? options = null)
        : base(space, seed, warmStart)
    {
        _options = options ?? new RlOptions();
        _inner = inner ?? new TpeSampler(space, DeriveSeed(seed, -1), warmStart is null ? null : warmStart with { Enqueued = null });
        _architectures = space.Definition.Parameters
            .Where(p => p.Kind == ParameterKind.Architecture)
            .ToDictionary(p => p.Name, p => p.Architecture!, StringComparer.Ordinal);
        foreach (var name in _architectures.Keys)
        {
            _tables[name] = new QTable(_options.InitialQ);
        }
    }

    public override string Name => "rl";

    public override SamplerSnapshot Snapshot() => new(Name, JsonSerializer.Serialize(new RlSnapshot(
        _tables.ToDictionary(kv => kv.Key, kv => kv.Value.Values),
        [.. _learnt],
        [.. _rewards])));

    public override void Restore(SamplerSnapshot snapshot)
    {
        base.Restore(snapshot);
        var state = JsonSerializer.Deserialize<RlSnapshot>(snapshot.StateJson ?? "null")
            ?? throw new ArgumentException("RL snapshot has no state.", nameof(snapshot));
        _tables.Clear();
        foreach (var (name, values) in state.Tables)
        {
            _tables[name] = new QTable(_options.InitialQ, values);
        }

        _learnt.Clear();
        _learnt.AddRange(state.Learnt);
        _rewards.Clear();
        _rewards.AddRange(state.Rewards);
    }

    /// <summary>The Q value of taking <paramref name="action"/> (a layer notation or END) in <paramref name="state"/>.</summary>
    public double Q(string parameter, string state, string action) => _tables[parameter].Get(state, action);

    protected override double[] AskVector(TrialHistory history, Random random) => Space.Encode(AskConfiguration(history, random));

    protected override IReadOnlyDictionary<string, ParameterValue> AskConfiguration(TrialHistory history, Random random)
    {
        Learn(history);
        var config = new Dictionary<string, ParameterValue>(_inner.Ask(history), StringComparer.Ordinal);
        var epsilon = Epsilon(history.Trials.Count);
        foreach (var (name, def) in _architectures)
        {
            if (config.ContainsKey(name))
            {
                config[name] = ParameterValue.Of(Walk(name, def, epsilon, random));
            }
        }

        return config;
    }

    private double Epsilon(int trial)
    {
        if (trial < _options.ExplorationTrials)
        {
            return 1.0;
        }

        var span = Math.Max(1, _options.DecayUntil - _options.ExplorationTrials);
        var t = Math.Min(1.0, (trial - _options.ExplorationTrials) / (double)span);
        return 1.0 - t * (1.0 - _options.FinalEpsilon);
    }

    private List<HeadLayer> Walk(string name, ArchitectureDefinition def, double epsilon, Random random)
    {
        var layers = new List<HeadLayer>();
        while (true)
        {
            var state = State(layers);
            var actions = Actions(def, layers);
            string action;
            if (random.NextDouble() < epsilon)
            {
                action = actions[random.Next(actions.Count)];
            }
            else
            {
                var best = actions.Max(a => _tables[name].Get(state, a));
                var ties = actions.Where(a => _tables[name].Get(state, a) >= best - 1e-12).ToList();
                action = ties[random.Next(ties.Count)];
            }

            if (action == End)
            {
                return layers;
            }

            layers.Add(Parse(action, def, random));
        }
    }
}

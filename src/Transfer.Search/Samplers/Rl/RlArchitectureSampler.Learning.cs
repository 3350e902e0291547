using System.Globalization;
using Transfer.Contracts.Search;
using Transfer.Search.Trials;

namespace Transfer.Search.Samplers.Rl;

public sealed partial class RlArchitectureSampler
{
    /// <summary>Learns from finished trials not learnt yet, in trial-number order.</summary>
    private void Learn(TrialHistory history)
    {
        var learnt = _learnt.ToHashSet();
        var finished = history.Finished.ToList();
        foreach (var trial in finished.Where(t => !learnt.Contains(t.Number)).OrderBy(t => t.Number))
        {
            var losses = finished.Where(t => learnt.Contains(t.Number) || t.Number == trial.Number).Select(t => history.Loss(t.Value!.Value)).ToList();
            var (min, max) = (losses.Min(), losses.Max());
            var loss = history.Loss(trial.Value!.Value);
            var reward = max > min ? (max - loss) / (max - min) : 0.5;
            learnt.Add(trial.Number);
            _learnt.Add(trial.Number);
            _rewards.Add(reward);

            var replay = new Random(DeriveSeed(Seed, 1_000_003 + trial.Number));
            Update(trial, reward);
            for (var k = 1; k < _options.ReplaysPerTrial; k++)
            {
                var j = replay.Next(_learnt.Count);
                if (_learnt[j] < history.Trials.Count)
                {
                    Update(history.Trials[_learnt[j]], _rewards[j]);
                }
            }
        }
    }

    private void Update(TrialRecord trial, double reward)
    {
        foreach (var (name, def) in _architectures)
        {
            if (!trial.Configuration.TryGetValue(name, out var value) || value.Layers is not { } layers)
            {
                continue;
            }

            var table = _tables[name];
            var alpha = _options.Alpha;
            var terminal = State(layers);
            table.Set(terminal, End, (1 - alpha) * table.Get(terminal, End) + alpha * reward);
            for (var t = layers.Count - 1; t >= 0; t--)
            {
                var prefix = layers.Take(t).ToList();
                var next = layers.Take(t + 1).ToList();
                var nextState = State(next);
                var target = Actions(def, next).Max(a => table.Get(nextState, a));
                var state = State(prefix);
                var action = layers[t].Notation;
                table.Set(state, action, (1 - alpha) * table.Get(state, action) + alpha * target);
            }
        }
    }

    private static string State(IReadOnlyList<HeadLayer> layers) => string.Create(
        CultureInfo.InvariantCulture,
        $"{layers.Count}|{(layers.Count == 0 ? "start" : layers[^1].Notation)}|{layers.Count(l => l.Kind == HeadLayer.Pool)}");

    private static List<string> Actions(ArchitectureDefinition def, IReadOnlyList<HeadLayer> layers)
    {
        var actions = new List<string>();
        if (layers.Count >= def.MinDepth)
        {
            actions.Add(End);
        }

        if (layers.Count >= def.MaxDepth)
        {
            return actions;
        }

        var afterFc = layers.Any(l => l.Kind == HeadLayer.FullyConnected);
        var pools = layers.Count(l => l.Kind == HeadLayer.Pool);
        if (!afterFc && def.LayerKinds.Contains(HeadLayer.Conv))
        {
            actions.AddRange(def.ConvKernels.SelectMany(k => def.ConvFilters.Select(f => new HeadLayer(HeadLayer.Conv, k, f).Notation)));
        }

        if (!afterFc && pools < def.MaxPools && def.LayerKinds.Contains(HeadLayer.Pool))
        {
            actions.AddRange(def.PoolKernels.SelectMany(k => def.PoolStrides.Select(s => new HeadLayer(HeadLayer.Pool, k, s).Notation)));
        }

        if (def.LayerKinds.Contains(HeadLayer.FullyConnected))
        {
            actions.AddRange(def.FcUnits.Select(u => new HeadLayer(HeadLayer.FullyConnected, 0, u).Notation));
        }

        return actions;
    }

    private static HeadLayer Parse(string notation, ArchitectureDefinition def, Random random)
    {
        var open = notation.IndexOf('(', StringComparison.Ordinal);
        var kind = notation[..open];
        var args = notation[(open + 1)..^1].Split(',').Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
        var lr = def.LrMults[random.Next(def.LrMults.Count)];
        var decay = def.DecayMults[random.Next(def.DecayMults.Count)];
        return kind == HeadLayer.FullyConnected ? new HeadLayer(kind, 0, args[0], lr, decay) : new HeadLayer(kind, args[0], args[1], lr, decay);
    }
}

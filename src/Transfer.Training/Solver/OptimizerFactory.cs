using Transfer.Contracts.Training;
using Transfer.Training.Modules;
using TorchSharp;
using TorchSharp.Modules;

namespace Transfer.Training.Solver;

/// <summary>
/// Builds the solver's optimizer with one parameter group per layer, and pushes the current learning rate, momentum
/// and weight decay (scaled by each layer's <c>lr_mult</c>/<c>decay_mult</c>) into the groups before a step.
/// </summary>
public static class OptimizerFactory
{
    /// <summary>An optimizer over <paramref name="groups"/> for <paramref name="solver"/>.</summary>
    public static OptimizerHelper Create(IReadOnlyList<ParameterGroup> groups, SolverConfig solver)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(solver);
        var lr = solver.BaseLr;
        var wd = solver.WeightDecay;
        var m = solver.Momentum;
        return solver.Optimizer switch
        {
            OptimizerKind.Sgd => torch.optim.SGD(groups.Select(g => new SGD.ParamGroup(g.Parameters, lr: lr * g.LrMult, momentum: m, weight_decay: wd * g.DecayMult)), lr),
            OptimizerKind.Nesterov => torch.optim.SGD(
                groups.Select(g => new SGD.ParamGroup(g.Parameters, lr: lr * g.LrMult, momentum: m > 0 ? m : throw new ArgumentException("Nesterov needs momentum > 0"), weight_decay: wd * g.DecayMult, nesterov: true)),
                lr),
            OptimizerKind.Adam => torch.optim.Adam(groups.Select(g => new Adam.ParamGroup(g.Parameters, lr: lr * g.LrMult, beta1: m, beta2: 0.999, eps: 1e-8, weight_decay: wd * g.DecayMult)), lr),
            OptimizerKind.AdamW => torch.optim.AdamW(groups.Select(g => new AdamW.ParamGroup(g.Parameters, lr: lr * g.LrMult, beta1: m, beta2: 0.999, eps: 1e-8, weight_decay: wd * g.DecayMult)), lr),
            OptimizerKind.AdaDelta => torch.optim.Adadelta(groups.Select(g => new Adadelta.ParamGroup(g.Parameters, lr: lr * g.LrMult, rho: 0.9, eps: 1e-6, weight_decay: wd * g.DecayMult)), lr),
            OptimizerKind.RmsProp => torch.optim.RMSProp(groups.Select(g => new RMSProp.ParamGroup(g.Parameters, lr: lr * g.LrMult, alpha: 0.99, eps: 1e-8, weight_decay: wd * g.DecayMult, momentum: m)), lr),
            _ => throw new ArgumentOutOfRangeException(nameof(solver), solver.Optimizer, "unknown optimizer"),
        };
    }

    /// <summary>Sets each group's rate to <c>rate · lr_mult</c>, its weight decay to <c>weight_decay · decay_mult</c>, and its momentum.</summary>
    public static void Apply(OptimizerHelper optimizer, IReadOnlyList<ParameterGroup> groups, SolverConfig solver, double rate)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(solver);
        var i = 0;
        foreach (var group in optimizer.ParamGroups)
        {
            var spec = groups[i++];
            group.LearningRate = rate * spec.LrMult;
            var wd = solver.WeightDecay * spec.DecayMult;
            switch (group)
            {
                case SGD.ParamGroup g:
                    g.Options.weight_decay = wd;
                    g.Options.momentum = solver.Momentum;
                    break;
                case Adam.ParamGroup g:
                    g.Options.weight_decay = wd;
                    g.Options.beta1 = solver.Momentum;
                    break;
                case AdamW.ParamGroup g:
                    g.Options.weight_decay = wd;
                    g.Options.beta1 = solver.Momentum;
                    break;
                case Adadelta.ParamGroup g:
                    g.Options.weight_decay = wd;
                    break;
                case RMSProp.ParamGroup g:
                    g.Options.weight_decay = wd;
                    g.Options.momentum = solver.Momentum;
                    break;
                default:
                    throw new NotSupportedException($"parameter group {group.GetType().Name}");
            }
        }
    }
}

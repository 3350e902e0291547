using Transfer.Contracts.Search;
using Transfer.Contracts.Training;

namespace Transfer.Grains.Jobs;

/// <summary>
/// Turns a configuration of the joint space into what the trainer runs: the model (base backbone + the searched head +
/// frozen depth) and the solver. Schedules are searched in epochs (stepsize, decay rates) and converted to steps here,
/// where the train split's size is known.
/// </summary>
public static class TrialConfigurationMapper
{
    public static ModelSpec Model(ModelSpec baseModel, IReadOnlyDictionary<string, ParameterValue> configuration)
    {
        var model = baseModel;
        if (configuration.TryGetValue("head", out var head) && head.Layers is { } layers)
        {
            model = model with { Head = [.. layers.SelectMany(HeadLayers)] };
        }

        if (configuration.TryGetValue("frozen_blocks", out var frozen) && frozen.Number is { } n)
        {
            model = model with { FrozenBlocks = Math.Clamp((int)Math.Round(n), 0, model.BackboneBlocks) };
        }

        return model;
    }

    public static SolverConfig Solver(IReadOnlyDictionary<string, ParameterValue> configuration, int epochs, int stepsPerEpoch, int reportsPerEpoch = 4)
    {
        double Number(string name, double fallback) => configuration.TryGetValue(name, out var v) && v.Number is { } x ? x : fallback;
        string Choice(string name, string fallback) => configuration.TryGetValue(name, out var v) && v.Choice is { } c ? c : fallback;

        var policy = Choice("lr_policy", "fixed") switch
        {
            "step" => LrPolicy.Step,
            "multistep" => LrPolicy.MultiStep,
            "exp" => LrPolicy.Exp,
            "inv" => LrPolicy.Inv,
            "poly" => LrPolicy.Poly,
            "cosine" => LrPolicy.Cosine,
            _ => LrPolicy.Fixed,
        };
        var optimizer = Choice("optimizer", "SGD").ToUpperInvariant() switch
        {
            "ADAM" => OptimizerKind.Adam,
            "ADAMW" => OptimizerKind.AdamW,
            "ADADELTA" => OptimizerKind.AdaDelta,
            "RMSPROP" => OptimizerKind.RmsProp,
            "NESTEROV" => OptimizerKind.Nesterov,
            _ => OptimizerKind.Sgd,
        };
        var gamma = Number("gamma", 0.1);
        var stepSizeEpochs = Math.Max(1, (int)Math.Round(Number("stepsize", Math.Max(1, epochs / 3))));
        var totalSteps = epochs * stepsPerEpoch;

        // exp and inv decay per step in Caffe; the space gives the decay per epoch so one range fits every dataset size.
        gamma = policy switch
        {
            LrPolicy.Exp => Math.Pow(gamma, 1.0 / stepsPerEpoch),
            LrPolicy.Inv => gamma / stepsPerEpoch,
            _ => gamma,
        };
        return new SolverConfig(
            BaseLr: Number("base_lr", 0.01),
            LrPolicy: policy,
            StepSize: stepSizeEpochs * stepsPerEpoch,
            Gamma: gamma,
            StepValues: policy == LrPolicy.MultiStep ? [.. Enumerable.Range(1, Math.Max(1, epochs / stepSizeEpochs)).Select(k => k * stepSizeEpochs * stepsPerEpoch).Where(s => s < totalSteps)] : null,
            Momentum: Number("momentum", 0.9),
            WeightDecay: Number("weight_decay", 0),
            Optimizer: optimizer,
            BatchSize: Math.Max(1, (int)Math.Round(Number("batch_size", 64))),
            MaxIter: totalSteps,
            Epochs: epochs,
            TestInterval: Math.Max(1, stepsPerEpoch / reportsPerEpoch));
    }

    /// <summary>Steps in an epoch for a configuration's batch size.</summary>
    public static int StepsPerEpoch(IReadOnlyDictionary<string, ParameterValue> configuration, int trainCount)
    {
        var batch = configuration.TryGetValue("batch_size", out var v) && v.Number is { } b ? Math.Max(1, (int)Math.Round(b)) : 64;
        return Math.Max(1, (trainCount + batch - 1) / batch);
    }

    private static IEnumerable<LayerSpec> HeadLayers(HeadLayer layer) => layer.Kind switch
    {
        HeadLayer.Conv => [LayerSpec.Conv(layer.Kernel, layer.Size) with { LrMult = layer.LrMult, DecayMult = layer.DecayMult }, LayerSpec.Relu()],
        HeadLayer.Pool => [LayerSpec.MaxPool(layer.Kernel, layer.Size)],
        _ => [LayerSpec.Fc(layer.Size) with { LrMult = layer.LrMult, DecayMult = layer.DecayMult }, LayerSpec.Relu()],
    };
}

using Transfer.Contracts.Search;
using Transfer.Contracts.Training;
using Transfer.Data;
using Transfer.Grains.Jobs;
using Transfer.Training;
using Transfer.Training.Data;
using Transfer.Training.Inference;
using Transfer.Training.Solver;

namespace Transfer.KbSeeds;

/// <summary>Trains one configuration the way a job's trial does (same split fractions, model mapping and solver mapping).</summary>
public static class SeedTrainer
{
    public static PreparedData Prepare(object decoded, int seed)
    {
        var split = new SplitConfig(TorchTrialExecutor.ValidationFraction, TorchTrialExecutor.TestFraction, seed);
        return decoded is ImageData images ? PreparedData.FromImages(images, split) : PreparedData.FromTable((TabularData)decoded, split);
    }

    public static ModelSpec BaseModel(object decoded) => decoded switch
    {
        ImageData i => ModelFamilies.SmallCnn(InputSpec.Image(i.Channels, i.Height, i.Width), i.Classes.Count),
        TabularData t => ModelFamilies.Mlp(t.Columns, t.Classes.Count, [128, 64]),
        _ => throw new ArgumentException("unknown dataset kind", nameof(decoded)),
    };

    /// <summary>
    /// Trains a configuration of the joint space for <paramref name="epochs"/>, from scratch or fine-tuned from
    /// <paramref name="benchmarkModel"/> (its saved weights; the backbone up to <c>frozen_blocks</c> frozen, as a job does);
    /// returns the final validation accuracy (null when it diverged).
    /// </summary>
    public static async Task<double?> TrainAsync(PreparedData data, ModelSpec baseModel, IReadOnlyDictionary<string, ParameterValue> configuration, int epochs, int seed, Stream? benchmarkModel = null, CancellationToken cancellationToken = default)
    {
        var model = TrialConfigurationMapper.Model(baseModel with { Head = [] }, configuration);
        var solver = TrialConfigurationMapper.Solver(configuration, epochs, TrialConfigurationMapper.StepsPerEpoch(configuration, data.Train.Count));
        using var module = await FineTuning.CreateAsync(model, seed, benchmarkModel, cancellationToken: cancellationToken);
        using var trainer = new Trainer(module, solver, data.Train, data.Validation, new TrainerOptions(seed));
        await foreach (var _ in trainer.RunAsync(cancellationToken))
        {
        }

        return trainer.Outcome?.Status == TrainingStatus.Completed ? trainer.Outcome.FinalValidation?.Accuracy : null;
    }

    /// <summary>Trains <paramref name="spec"/> with <paramref name="solver"/> and writes it as <see cref="TrainedModel.SaveAsync"/> does.</summary>
    public static async Task<double?> PretrainAsync(PreparedData data, ModelSpec spec, SolverConfig solver, int seed, Stream destination, CancellationToken cancellationToken = default)
    {
        using var module = await FineTuning.CreateAsync(spec, seed, benchmarkModel: null, cancellationToken: cancellationToken);
        using var trainer = new Trainer(module, solver, data.Train, data.Validation, new TrainerOptions(seed));
        await foreach (var _ in trainer.RunAsync(cancellationToken))
        {
        }

        await new TrainedModel(module, data.Preprocessing, seed).SaveAsync(destination, cancellationToken);
        return trainer.Outcome?.FinalValidation?.Accuracy;
    }
}

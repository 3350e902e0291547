using Transfer.Contracts.Datasets;
using Transfer.Contracts.Jobs;
using Transfer.Contracts.Search;
using Transfer.Contracts.Training;
using Transfer.Grains.Jobs;
using Transfer.Search.Spaces;

namespace Transfer.Server.Jobs;

/// <summary>
/// Resolves what a job runs before it starts: the base model (a small CNN for images, an MLP for tables), the default
/// joint space around it (head architecture + frozen backbone blocks + solver; epochs are the scheduler's), the
/// baseline configuration (the benchmark's default solver), the benchmark weights when the dataset's group has them, how
/// trials are scored (<see cref="JobValidation"/>: k-fold on small data) and whether a from-scratch reference trial runs
/// (by default when there are benchmark weights to compare with and at least <see cref="CreateJobRequest.ScratchMinTrials"/> trials).
/// </summary>
public sealed class JobPlanner
{
    public StudyPlan Plan(CreateJobRequest request, DatasetInfo dataset, BenchmarkChoice? benchmark, WarmStartDefinition? warmStart)
    {
        var classes = dataset.Schema.Classes.Count;
        var baseModel = benchmark?.Spec is { } spec
            ? spec with { Classes = classes }
            : dataset.Schema.Image is { } image
                ? ModelFamilies.SmallCnn(InputSpec.Image(image.Channels, image.Height, image.Width), classes)
                : ModelFamilies.Mlp(EncodedFeatures(dataset.Schema), classes, [128, 64]);
        var isImage = baseModel.Input.IsImage;
        var space = request.Space ?? DefaultSpace(isImage, baseModel.BackboneBlocks, request.MaxEpochs);
        var baseline = Baseline(space, frozenBlocks: benchmark is null ? 0 : baseModel.BackboneBlocks);
        var folds = (request.Validation ?? new JobValidation()).FoldsFor((int)Math.Round(dataset.Schema.Examples * (1 - TorchTrialExecutor.TestFraction)));
        var scratch = request.ScratchReference ?? (benchmark is not null && (request.Budget?.Trials ?? int.MaxValue) >= CreateJobRequest.ScratchMinTrials);
        return new StudyPlan(space, baseModel with { Head = [] }, benchmark?.WeightsBlob, warmStart, baseline, folds, scratch, benchmark?.ModelId, benchmark?.Group);
    }

    /// <summary>The joint space without <c>epochs</c> (the scheduler sets training length); an FC-only head for tables.</summary>
    public static SearchSpaceDefinition DefaultSpace(bool image, int backboneBlocks, int maxEpochs)
    {
        var head = image
            ? DefaultSpaces.Head(1, 2)
            : new ArchitectureDefinition(1, 2, [HeadLayer.FullyConnected], [], [], [], [], [32, 64, 128, 256], [1, 2, 5], [0, 1], MaxPools: 0);
        return new SearchSpaceDefinition([
            new ParameterDefinition("head", ParameterKind.Architecture, Architecture: head),
            new ParameterDefinition("frozen_blocks", ParameterKind.Int, 0, backboneBlocks, Default: ParameterValue.Of(0)),
            .. DefaultSpaces.Solver(maxEpochs).Where(p => p.Name != "epochs"),
        ]);
    }

    /// <summary>The benchmark's default configuration: one FC(128) head, SGD 0.01 momentum 0.9, weight decay 5e-4, batch 64.</summary>
    public static IReadOnlyDictionary<string, ParameterValue> Baseline(SearchSpaceDefinition space, int frozenBlocks)
    {
        var defaults = new Dictionary<string, ParameterValue>
        {
            ["head"] = ParameterValue.Of([new HeadLayer(HeadLayer.FullyConnected, 0, 128)]),
            ["frozen_blocks"] = ParameterValue.Of(frozenBlocks),
            ["base_lr"] = ParameterValue.Of(0.01),
            ["lr_policy"] = ParameterValue.Of("fixed"),
            ["optimizer"] = ParameterValue.Of("SGD"),
            ["momentum"] = ParameterValue.Of(0.9),
            ["weight_decay"] = ParameterValue.Of(5e-4),
            ["batch_size"] = ParameterValue.Of(64),
        };
        var names = space.Parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        return defaults.Where(kv => names.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
    }

    private static int EncodedFeatures(DatasetSchema schema) =>
        schema.Columns?.Sum(c => c.Kind == "categorical" ? Math.Max(1, c.Categories?.Count ?? 1) : 1) ?? 1;
}

using Microsoft.Extensions.Options;
using Transfer.Contracts.Datasets;
using Transfer.Contracts.Knowledge;
using Transfer.Data;
using Transfer.Grains.Jobs;
using Transfer.MetaLearning.Features;

namespace Transfer.Server.Knowledge;

/// <summary>
/// Computes a stored dataset's meta-features: decodes it from blob storage with the Transfer.Data readers (through the
/// silo's decoded-dataset cache, which the job's trials reuse) and runs the extractor off the calling thread, under the
/// one seed every dataset shares so vectors compare. The feature set carries one embedding slot per published image
/// benchmark model (<see cref="BenchmarkBackbones"/>): an image dataset that fits a model gets its mean backbone
/// embedding there and a measured transfer score; everything else gets zeros.
/// </summary>
public sealed class MetaFeatureService(DatasetCache datasets, BenchmarkBackbones backbones, IOptions<KnowledgeOptions> options)
{
    public async Task<ExtractedMetaFeatures> ExtractAsync(string tenant, DatasetInfo dataset, CancellationToken cancellationToken = default)
    {
        var decoded = await datasets.GetAsync(tenant, dataset, cancellationToken);
        var models = await backbones.ImageModelsAsync(cancellationToken);
        var extractor = new MetaFeatureExtractor(MetaFeatureOptions.Default with
        {
            EmbeddingLayout = [.. models.Select(m => new EmbeddingSlot(m.Model.Info.Id, m.Probe.Dimensions))],
        });
        var seed = options.Value.ExtractionSeed;
        return await Task.Run(
            () =>
            {
                switch (decoded)
                {
                    case ImageData images:
                        var embeddings = new Dictionary<string, float[]>(StringComparer.Ordinal);
                        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
                        foreach (var (model, probe) in models.Where(m => m.Probe.Fits(images)))
                        {
                            var result = probe.Probe(images, seed, options.Value.EmbeddingImages, cancellationToken);
                            embeddings[model.Info.Id] = [.. result.MeanEmbedding];
                            scores[model.Info.Id] = result.TransferScore;
                        }

                        return new ExtractedMetaFeatures(extractor.Extract(images, seed, embeddings, cancellationToken), scores);
                    case TabularData table:
                        return new ExtractedMetaFeatures(extractor.Extract(table, seed, cancellationToken), new Dictionary<string, double>());
                    default:
                        throw new InvalidDataException($"Dataset '{dataset.Id}' decoded to an unexpected {decoded.GetType().Name}.");
                }
            },
            cancellationToken);
    }

    /// <summary>
    /// A stored vector carried over to the current layout without recomputing it, when every embedding slot it lacks
    /// belongs to a model that does not take the dataset (a table, or images of another shape: zeros by definition);
    /// null when an embedding must be computed. The transfer scores stay as they were (none of those models fits).
    /// </summary>
    public async Task<MetaFeatureVector?> TryUpgradeAsync(DatasetInfo dataset, MetaFeatureVector stale, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(stale);
        var models = await backbones.ImageModelsAsync(cancellationToken);
        var (version, names) = MetaFeatureCatalog.For([.. models.Select(m => new EmbeddingSlot(m.Model.Info.Id, m.Probe.Dimensions))]);
        var zero = models
            .Where(m => dataset.Schema.Image is not { } image || !Takes(m.Model.Info.Spec.Input, image))
            .Select(m => $"{MetaFeatureCatalog.EmbeddingPrefix}{m.Model.Info.Id}.")
            .ToArray();
        return MetaFeatureProjection.TryProject(stale, version, names, name => zero.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)));
    }

    /// <summary>The version of the feature set vectors are extracted in now (it changes when an image benchmark model is published).</summary>
    public async Task<string> CurrentVersionAsync(CancellationToken cancellationToken = default) =>
        MetaFeatureCatalog.For(await backbones.LayoutAsync(cancellationToken)).Version;

    private static bool Takes(Transfer.Contracts.Training.InputSpec input, ImageShape image) =>
        input.IsImage && input.Channels == image.Channels && input.Height == image.Height && input.Width == image.Width;
}

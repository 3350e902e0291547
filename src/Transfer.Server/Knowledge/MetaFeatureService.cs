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
/// one seed every dataset shares so vectors compare.
/// </summary>
public sealed class MetaFeatureService(DatasetCache datasets, IOptions<KnowledgeOptions> options)
{
    private readonly MetaFeatureExtractor _extractor = new();

    public async Task<MetaFeatureVector> ExtractAsync(string tenant, DatasetInfo dataset, CancellationToken cancellationToken = default)
    {
        var decoded = await datasets.GetAsync(tenant, dataset, cancellationToken);
        var seed = options.Value.ExtractionSeed;
        return await Task.Run(
            () => decoded switch
            {
                ImageData images => _extractor.Extract(images, seed, cancellationToken: cancellationToken),
                TabularData table => _extractor.Extract(table, seed, cancellationToken),
                _ => throw new InvalidDataException($"Dataset '{dataset.Id}' decoded to an unexpected {decoded.GetType().Name}."),
            },
            cancellationToken);
    }
}

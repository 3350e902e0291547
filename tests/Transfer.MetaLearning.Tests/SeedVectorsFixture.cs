using Transfer.Contracts.Knowledge;
using Transfer.MetaLearning.Features;

namespace Transfer.MetaLearning.Tests;

/// <summary>The meta-features of every seed dataset, computed once for the test classes that share it (seed 7).</summary>
public sealed class SeedVectorsFixture : IAsyncLifetime
{
    public const int Seed = 7;

    private readonly Dictionary<string, MetaFeatureVector> _vectors = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, MetaFeatureVector> Vectors => _vectors;

    public IReadOnlyList<DatasetMetaFeatures> Except(params string[] heldOut) =>
        _vectors.Where(p => !heldOut.Contains(p.Key)).Select(p => new DatasetMetaFeatures(p.Key, p.Value)).ToArray();

    public async Task InitializeAsync()
    {
        var extractor = new MetaFeatureExtractor();
        foreach (var name in SeedData.Names)
        {
            _vectors[name] = SeedData.IsImage(name)
                ? extractor.Extract(await SeedData.ImagesAsync(name), Seed)
                : extractor.Extract(await SeedData.TableAsync(name), Seed);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

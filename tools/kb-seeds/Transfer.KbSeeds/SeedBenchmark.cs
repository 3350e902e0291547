using System.Text.Json;
using Transfer.Client.Knowledge;
using Transfer.Contracts.Training;

namespace Transfer.KbSeeds;

/// <summary>
/// The seed benchmark model (its spec and saved weights), which image datasets of its input shape are fine-tuned from, as
/// a job in their group does.
/// </summary>
public sealed class SeedBenchmark(string id, ModelSpec spec, byte[] weights)
{
    public string Id { get; } = id;

    public ModelSpec Spec { get; } = spec;

    /// <summary>Reads <c>model.json</c> and its weights from a benchmark model folder; null when the folder has none.</summary>
    public static async Task<SeedBenchmark?> LoadAsync(string folder, CancellationToken cancellationToken = default)
    {
        var manifestPath = Path.Combine(folder, "model.json");
        if (!File.Exists(manifestPath))
        {
            return null;
        }

        var manifest = JsonSerializer.Deserialize<SeedModelManifest>(
            await File.ReadAllTextAsync(manifestPath, cancellationToken), new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidDataException($"{manifestPath} is empty.");
        return new SeedBenchmark(manifest.Id, manifest.Spec, await File.ReadAllBytesAsync(Path.Combine(folder, manifest.Weights), cancellationToken));
    }

    /// <summary>Whether a dataset whose from-scratch model is <paramref name="baseModel"/> can be fine-tuned from this model.</summary>
    public bool Fits(ModelSpec baseModel) => Spec.Input == baseModel.Input;

    /// <summary>The benchmark's backbone with the dataset's classes and no head (the search space supplies the head).</summary>
    public ModelSpec BaseModel(ModelSpec baseModel) => Spec with { Classes = baseModel.Classes, Head = [] };

    /// <summary>A fresh read-only stream over the saved weights.</summary>
    public Stream OpenWeights() => new MemoryStream(weights, writable: false);
}

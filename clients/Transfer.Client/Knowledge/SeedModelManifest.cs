using Transfer.Contracts.Training;

namespace Transfer.Client.Knowledge;

/// <summary>
/// <c>knowledge-base-seeds/benchmark-models/{id}/model.json</c>: a benchmark model's id, spec, the seed dataset it was
/// trained on, the weights file beside it, and the recipe that trained them (for the record and to regenerate them).
/// </summary>
public sealed record SeedModelManifest(string Id, string SourceDataset, ModelSpec Spec, string Weights, System.Text.Json.JsonElement? Recipe = null);

namespace Transfer.MetaLearning.Features;

/// <summary>
/// One benchmark model whose mean backbone embedding is part of the feature set: its id and embedding length.
/// Tables and images without that embedding get zeros in its slot.
/// </summary>
public sealed record EmbeddingSlot(string ModelId, int Dimensions);

namespace Transfer.Data;

/// <summary>Images to predict (<see cref="ImageData.Unlabeled"/>) with the name each came under, in the same order.</summary>
public sealed record NamedImages(ImageData Images, IReadOnlyList<string> Names);

namespace Transfer.Contracts.Datasets;

/// <summary>The shape every image of a dataset has: channels (1 gray, 3 RGB), height and width in pixels.</summary>
public sealed record ImageShape(int Channels, int Height, int Width);

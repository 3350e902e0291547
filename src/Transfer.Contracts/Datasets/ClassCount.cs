namespace Transfer.Contracts.Datasets;

/// <summary>A class and how many examples carry it.</summary>
public sealed record ClassCount(string Name, long Count);

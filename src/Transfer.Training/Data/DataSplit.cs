namespace Transfer.Training.Data;

/// <summary>Example indices (ascending) of a train, validation and test split.</summary>
public sealed record DataSplit(int[] Train, int[] Validation, int[] Test);

namespace Transfer.Contracts.Training;

/// <summary>Seeded stratified split fractions: the rest of the examples are the train split.</summary>
public sealed record SplitConfig(double ValidationFraction = 0.2, double TestFraction = 0, int Seed = 0);

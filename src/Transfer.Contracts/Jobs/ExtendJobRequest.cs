namespace Transfer.Contracts.Jobs;

/// <summary>Adds budget to a finished or stopped job; it continues from its history.</summary>
public sealed record ExtendJobRequest(int AdditionalTrials);

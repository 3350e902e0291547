namespace Transfer.Training.Solver;

/// <summary>A live command, applied by the trainer between steps in the order sent.</summary>
internal sealed record TrainerCommand(string Kind, string? Name = null, double Value = 0, Stream? Destination = null, TaskCompletionSource? Done = null);

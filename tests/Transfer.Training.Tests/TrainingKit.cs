using Transfer.Contracts.Training;
using Transfer.Training.Data;
using Transfer.Training.Modules;
using Transfer.Training.Solver;

namespace Transfer.Training.Tests;

/// <summary>Runs a trainer to its end and returns the outcome; one torch thread on the CPU.</summary>
internal static class TrainingKit
{
    static TrainingKit() => TorchRuntime.Configure(new TorchOptions(Threads: 1, Device: "cpu"));

    public static TorchSharp.torch.Device Cpu => TorchRuntime.Configure(new TorchOptions(Threads: 1, Device: "cpu"));

    public static async Task<TrainingOutcome> RunAsync(SpecModule model, SolverConfig solver, IExampleSet train, IExampleSet? validation, int seed)
    {
        using var trainer = new Trainer(model, solver, train, validation, new TrainerOptions(seed));
        await foreach (var _ in trainer.RunAsync())
        {
        }

        return trainer.Outcome!;
    }
}

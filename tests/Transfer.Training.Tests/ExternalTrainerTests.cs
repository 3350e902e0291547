using Transfer.Contracts.Training;
using Transfer.Training.External;

namespace Transfer.Training.Tests;

public sealed class ExternalTrainerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("transfer-external-").FullName;

    [Fact]
    public async Task ScriptGetsItsConfigurationAndItsPrintedLossesBecomeTheCurve()
    {
        var script = Script("""
            import json, sys, os
            cfg = json.load(open(sys.argv[sys.argv.index('--config') + 1]))
            lr = float(cfg['base_lr'])
            for it in range(1, 6):
                print(f"Iteration {it}, loss = {lr * 100 / it:.4f}", flush=True)
            print(f"step 5 val_loss=0.25 val_acc=0.875 seed={os.environ['TRANSFER_SEED']}")
            """);
        var (outcome, streamed) = await RunAsync(Spec(script), new Dictionary<string, string> { ["base_lr"] = "0.01" });

        Assert.Equal(TrainingStatus.Completed, outcome.Status);
        Assert.Equal(42, outcome.Seed);
        Assert.Equal([1.0, 0.5, 0.3333, 0.25, 0.2], outcome.Curve.Where(r => r.TrainLoss is not null).Select(r => Math.Round(r.TrainLoss!.Value, 4)));
        Assert.Equal([1, 2, 3, 4, 5], outcome.Curve.Where(r => r.TrainLoss is not null).Select(r => r.Step));
        Assert.Equal(0.875, outcome.FinalValidation!.Accuracy);
        Assert.Equal(0.25, outcome.FinalValidation.Loss);
        Assert.Equal(outcome.Curve.Count, streamed);
    }

    [Theory]
    [InlineData(ConfigPassing.Arguments, "import sys; print('loss:', float(sys.argv[sys.argv.index('--gamma') + 1]))")]
    [InlineData(ConfigPassing.Environment, "import os; print('loss:', float(os.environ['TRANSFER_GAMMA']))")]
    public async Task ConfigurationCanTravelAsArgumentsOrEnvironment(ConfigPassing passing, string code)
    {
        var (outcome, _) = await RunAsync(Spec(Script(code)) with { ConfigPassing = passing }, new Dictionary<string, string> { ["gamma"] = "0.5" });

        Assert.Equal(TrainingStatus.Completed, outcome.Status);
        Assert.Equal(0.5, outcome.Curve[0].TrainLoss);
    }

    [Fact]
    public async Task CrashIsAFailedTrialCarryingTheLogTail()
    {
        var script = Script("""
            print("loss=1.5", flush=True)
            raise RuntimeError("CUDA out of memory (pretend)")
            """);
        var (outcome, _) = await RunAsync(Spec(script), []);

        Assert.Equal(TrainingStatus.Failed, outcome.Status);
        Assert.Contains("exit code 1", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("CUDA out of memory (pretend)", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(1.5, outcome.Curve[0].TrainLoss);
    }

    [Fact]
    public async Task LogWithoutAnyMetricIsAFailedTrial()
    {
        var (outcome, _) = await RunAsync(Spec(Script("print('training... done')")), []);

        Assert.Equal(TrainingStatus.Failed, outcome.Status);
        Assert.Contains("no loss or metric", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("training... done", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HangingScriptIsKilledAtItsTimeLimit()
    {
        // The script blocks reading its stdin, which the trainer never closes.
        var script = Script("""
            import sys
            print("loss=0.9", flush=True)
            sys.stdin.read()
            """);
        var (outcome, _) = await RunAsync(Spec(script) with { TimeoutSeconds = 1 }, []);

        Assert.Equal(TrainingStatus.TimedOut, outcome.Status);
        Assert.StartsWith("no exit after 1 s", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopRequestKillsTheScriptAndKeepsTheCurve()
    {
        var script = Script("""
            import sys
            print("iter 1 loss=0.9", flush=True)
            sys.stdin.read()
            """);
        using var trainer = new ExternalTrainer(Spec(script), new Dictionary<string, string>(), 42);
        await foreach (var report in trainer.RunAsync())
        {
            if (report.Kind == ReportKind.Progress)
            {
                trainer.Stop();
            }
        }

        Assert.Equal(TrainingStatus.Stopped, trainer.Outcome!.Status);
        Assert.Equal(0.9, trainer.Outcome.Curve[0].TrainLoss);
    }

    [Fact]
    public async Task NanLossInTheLogIsDivergence()
    {
        var (outcome, _) = await RunAsync(Spec(Script("print('step 1 loss=2.0'); print('step 2 loss=nan')")), []);

        Assert.Equal(TrainingStatus.Diverged, outcome.Status);
        Assert.Equal(2, outcome.DivergedAtStep);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<(TrainingOutcome Outcome, int Streamed)> RunAsync(ExternalTrainerSpec spec, Dictionary<string, string> config)
    {
        using var trainer = new ExternalTrainer(spec, config, 42);
        var streamed = 0;
        await foreach (var _ in trainer.RunAsync())
        {
            streamed++;
        }

        return (trainer.Outcome!, streamed);
    }

    private static ExternalTrainerSpec Spec(string script) => new("python3", [script], TimeoutSeconds: 120);

    private string Script(string code)
    {
        var path = Path.Combine(_dir, $"train-{Guid.NewGuid():N}.py");
        File.WriteAllText(path, code);
        return path;
    }
}

using Azure.Storage.Blobs;
using Transfer.Client;
using Transfer.Contracts.Jobs;
using Transfer.Search.Ensembles;

namespace Transfer.Bench.Transfer;

/// <summary>
/// <c>--ensemble-ablation</c>: what the job ensemble's settings do to (c)'s accuracy and to its spread over seeds, without
/// running any job again. For every warm-started job it loads the candidates the job's ensemble builder read (its
/// completed trials with a model, best first, the from-scratch reference left out), their saved held-out predictions
/// (read from the bench's own Azurite) and each candidate's probabilities on the evaluation set (through the trial
/// predict route). A variant then selects on the held-out predictions, seeded by the job as the builder is, and scores
/// the weighted mean of the picked trials' evaluation probabilities: for the default variant that is the registered
/// model's prediction, which <see cref="Reproduces"/> checks.
/// </summary>
public static class EnsembleAblation
{
    /// <summary>
    /// One way to build the job's model from its trials: <paramref name="Bags"/> null bags as the jobs do
    /// (<see cref="EnsembleSelection.BagsFor"/> of the held-out examples); <paramref name="Uniform"/> &gt; 0: the best that
    /// many trials, equally weighted.
    /// </summary>
    public sealed record Variant(string Name, int Size, int? Bags, bool ByLoss, double MinWeight, int Uniform = 0);

    /// <summary>A job's candidates, best first: held-out (out-of-fold) predictions and evaluation-set probabilities.</summary>
    public sealed record Candidates(int Seed, int[] Trials, float[][][] Validation, int[] ValidationLabels, float[][][] Evaluation);

    /// <summary>
    /// The job default first (<c>JobEnsembleBuilder</c>: 20 rounds, the jobs' bags — 100 on the bench's 720 held-out
    /// examples —, by accuracy, picks under 2 % dropped), then the default before 2026-12-06 (20 bags).
    /// </summary>
    public static readonly IReadOnlyList<Variant> Variants =
    [
        new("default: 20 rounds, 100 bags, accuracy, min 2 %", 20, null, false, 0.02),
        new("20 rounds, 20 bags, accuracy, min 2 % (the default before 2026-12-06)", 20, 20, false, 0.02),
        new("50 rounds, 20 bags, accuracy, min 2 %", 50, 20, false, 0.02),
        new("50 rounds, 100 bags, accuracy, min 2 %", 50, 100, false, 0.02),
        new("20 rounds, 20 bags, accuracy, all picks", 20, 20, false, 0),
        new("20 rounds, 1 bag, accuracy (Caruana, unbagged)", 20, 1, false, 0),
        new("20 rounds, 20 bags, log loss, min 2 %", 20, 20, true, 0.02),
        new("20 rounds, 100 bags, log loss, min 2 %", 20, 100, true, 0.02),
        new("50 rounds, 100 bags, log loss, min 2 %", 50, 100, true, 0.02),
        new("best 3 trials, equal weights", 0, 0, false, 0, 3),
        new("best 5 trials, equal weights", 0, 0, false, 0, 5),
        new("best trial alone", 0, 0, false, 0, 1),
    ];

    /// <summary>
    /// Every trial's saved held-out predictions in the container, by job and trial number: the blob names are
    /// {tenant}/{job}/{trial}/predictions (ArtifactStore.CheckpointRef, TorchTrialExecutor.PredictionsName).
    /// </summary>
    public static async Task<Dictionary<(string Job, int Trial), string>> ListPredictionsAsync(BlobContainerClient checkpoints, CancellationToken cancellationToken = default)
    {
        var names = new Dictionary<(string Job, int Trial), string>();
        await foreach (var blob in checkpoints.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var parts = blob.Name.Split('/');
            if (parts.Length == 4 && parts[3] == "predictions" && int.TryParse(parts[2], out var trial))
            {
                names[(parts[1], trial)] = blob.Name;
            }
        }

        return names;
    }

    /// <param name="predictions">From <see cref="ListPredictionsAsync"/>.</param>
    public static async Task<Candidates> LoadAsync(TransferClient client, BlobContainerClient checkpoints, IReadOnlyDictionary<(string Job, int Trial), string> predictions, JobRun run, EvaluationSet evaluation, IReadOnlyList<string> classes, CancellationToken cancellationToken = default)
    {
        // StudyEngine.CompletedRanked: completed, scored, with a model, not the scratch reference; best first, then by number.
        var ranked = run.Trials
            .Where(t => t.Status == TrialStatus.Completed && t.Score is not null && t.ModelMembers is not null && !t.IsScratch && predictions.ContainsKey((run.Job.Id, t.Number)))
            .OrderByDescending(t => t.Score).ThenBy(t => t.Number).ToArray();
        var held = new List<HeldOutPredictions>();
        var evaluated = new List<float[][]>();
        var kept = new List<int>();
        foreach (var trial in ranked)
        {
            HeldOutPredictions saved;
            await using (var source = await checkpoints.GetBlobClient(predictions[(run.Job.Id, trial.Number)]).OpenReadAsync(cancellationToken: cancellationToken))
            {
                saved = await HeldOutPredictions.ReadAsync(source, cancellationToken);
            }

            if (held.Count > 0 && !saved.LinesUpWith(held[0]))
            {
                continue;
            }

            // The model's probability columns in the task's class order.
            var result = await client.Models.PredictWithTrialAsync(run.Job.Id, trial.Number, evaluation.Folder, cancellationToken: cancellationToken);
            var column = result.Classes.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
            int[] columns = [.. classes.Select(c => column.TryGetValue(c, out var i) ? i : throw new InvalidDataException($"the model predicts classes {string.Join(", ", result.Classes)}, not '{c}'"))];
            evaluated.Add([.. result.Predictions.Select(p => columns.Select(c => p.Probabilities[c]).ToArray())]);
            held.Add(saved);
            kept.Add(trial.Number);
        }

        return new Candidates(run.Job.Request.Seed, [.. kept], [.. held.Select(h => h.Validation)], held.Count == 0 ? [] : held[0].ValidationLabels, [.. evaluated]);
    }

    /// <summary>The variant's model's accuracy on the evaluation set (labels by the task's class index).</summary>
    public static double Accuracy(Candidates candidates, Variant variant, int[] evaluationLabels)
    {
        double[] weights;
        if (variant.Uniform > 0)
        {
            weights = [.. candidates.Evaluation.Select((_, i) => i < variant.Uniform ? 1.0 : 0.0)];
        }
        else
        {
            var bags = variant.Bags ?? EnsembleSelection.BagsFor(candidates.ValidationLabels.Length);
            var choice = EnsembleSelection.SelectBagged(candidates.Validation, candidates.ValidationLabels, variant.Size, bags, candidates.Seed, variant.ByLoss, variant.MinWeight);
            weights = [.. choice.Counts.Select(c => (double)c)];
        }

        return EnsembleSelection.Accuracy(EnsembleSelection.Combine(candidates.Evaluation, weights), evaluationLabels) ?? double.NaN;
    }

    /// <summary>Whether the default variant's accuracies equal the registered models' (to the 4 decimals the bench reports).</summary>
    public static bool Reproduces(IReadOnlyList<double> defaultVariant, IReadOnlyList<double> registered) =>
        defaultVariant.Count == registered.Count && defaultVariant.Zip(registered).All(p => Math.Abs(Math.Round(p.First, 4) - p.Second) < 1e-9);
}

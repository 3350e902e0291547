using Azure;
using Transfer.Contracts.Jobs;
using Transfer.Search.Ensembles;
using Transfer.Storage;
using Transfer.Training.Inference;

namespace Transfer.Grains.Jobs;

/// <summary>
/// Builds a finished job's registered model as auto-sklearn does: greedy ensemble selection
/// (<see cref="EnsembleSelection"/>), bagged over bootstrap resamples of the held-out examples
/// (<see cref="EnsembleSelection.BagsFor"/>: 100 up to 1,000 examples, never fewer than 20; trials under
/// <see cref="MinWeight"/> of the picks dropped), on the completed trials' held-out validation predictions, which their
/// workers saved next to their models (<see cref="TorchTrialExecutor.PredictionsName"/>), then one model file averaging
/// the picked trials' models with their weights (<see cref="TrainedEnsemble.ComposeAsync"/>; no network is built here)
/// and its test accuracy from the saved test predictions. Trials without usable predictions (saved by an older worker,
/// for other examples, or not finite numbers, as a diverged model's) are left out.
/// </summary>
internal sealed class JobEnsembleBuilder(ArtifactStore artifacts)
{
    /// <summary>The most trials (the best ones) an ensemble is chosen from, as auto-sklearn's <c>ensemble_nbest</c>: it bounds the predictions held in memory.</summary>
    public const int MaxCandidates = 50;

    /// <summary>
    /// Trials with a smaller share of the summed picks are left out of the model (the rest are re-weighted): each member
    /// runs at every prediction, and one picked in a bag or two adds a model's cost for well under 2 % of the average.
    /// </summary>
    public const double MinWeight = 0.02;

    /// <summary>
    /// Chooses and writes the ensemble to <paramref name="destination"/>; null, writing nothing, when the best trial
    /// (<paramref name="ranked"/>[0]) has no usable predictions.
    /// </summary>
    /// <param name="ranked">The completed trials with a model, best first (the first <see cref="MaxCandidates"/> are read).</param>
    /// <param name="seed">Seeds the bootstrap resamples (the job's seed).</param>
    public async Task<JobEnsemble?> BuildAsync(string tenant, string job, IReadOnlyList<TrialEntry> ranked, int size, bool byLoss, int seed, string destination, CancellationToken cancellationToken = default)
    {
        var candidates = new List<(TrialEntry Trial, HeldOutPredictions Predictions)>();
        foreach (var trial in ranked.Take(MaxCandidates))
        {
            if (await ReadAsync(artifacts.CheckpointRef(tenant, job, trial.Number, TorchTrialExecutor.PredictionsName), cancellationToken) is { } predictions
                && predictions.Validation.All(EnsembleSelection.AllFinite) && predictions.Test.All(EnsembleSelection.AllFinite)
                && (candidates.Count == 0 || predictions.LinesUpWith(candidates[0].Predictions)))
            {
                candidates.Add((trial, predictions));
            }
            else if (candidates.Count == 0)
            {
                return null;
            }
        }

        if (candidates.Count == 0 || candidates[0].Predictions.ValidationLabels.Length == 0)
        {
            return null;
        }

        var choice = EnsembleSelection.SelectBagged(
            [.. candidates.Select(c => c.Predictions.Validation)], candidates[0].Predictions.ValidationLabels, size,
            EnsembleSelection.BagsFor(candidates[0].Predictions.ValidationLabels.Length), seed, byLoss, MinWeight);
        int[] picked = [.. Enumerable.Range(0, candidates.Count).Where(i => choice.Counts[i] > 0).OrderByDescending(i => choice.Counts[i]).ThenBy(i => i)];
        double[] weights = [.. picked.Select(i => choice.Weights[i])];
        var testLabels = candidates[0].Predictions.TestLabels;
        var test = testLabels.Length == 0 ? null
            : EnsembleSelection.Accuracy(EnsembleSelection.Combine([.. picked.Select(i => candidates[i].Predictions.Test)], weights), testLabels);

        if (picked.Length == 1)
        {
            await artifacts.CopyAsync(candidates[picked[0]].Trial.ModelBlob!, destination, cancellationToken);
        }
        else
        {
            var parts = new List<(Stream Source, double Weight)>();
            try
            {
                for (var k = 0; k < picked.Length; k++)
                {
                    parts.Add((await artifacts.OpenReadAsync(candidates[picked[k]].Trial.ModelBlob!, cancellationToken), weights[k]));
                }

                using var composed = new MemoryStream();
                await TrainedEnsemble.ComposeAsync(parts, composed, cancellationToken);
                composed.Position = 0;
                await artifacts.WriteAsync(destination, composed, cancellationToken);
            }
            finally
            {
                foreach (var (source, _) in parts)
                {
                    await source.DisposeAsync();
                }
            }
        }

        return new JobEnsemble(
            [.. picked.Select((i, k) => new EnsembleMember(candidates[i].Trial.Number, weights[k]))],
            byLoss ? choice.LogLoss : choice.Accuracy,
            test,
            candidates.Count);
    }

    private async Task<HeldOutPredictions?> ReadAsync(string reference, CancellationToken cancellationToken)
    {
        try
        {
            await using var source = await artifacts.OpenReadAsync(reference, cancellationToken);
            return await HeldOutPredictions.ReadAsync(source, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}

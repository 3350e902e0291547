using Microsoft.Extensions.Options;
using Transfer.Contracts.Datasets;
using Transfer.Contracts.Jobs;
using Transfer.Contracts.Knowledge;
using Transfer.Grains.Datasets;
using Transfer.Grains.Jobs;
using Transfer.Grains.Knowledge;
using Transfer.MetaLearning.Features;
using Transfer.Server.Datasets;
using Transfer.Server.Jobs;

namespace Transfer.Server.Knowledge;

/// <summary>
/// The knowledge base as jobs see it: advice before a job starts (the group's benchmark model, the nearest datasets'
/// best configurations) and recording after it finished (also as the study's <see cref="IJobOutcomeSink"/>).
/// </summary>
public sealed partial class KnowledgeBase(
    IGrainFactory grains,
    KnowledgeStore store,
    KnowledgeIndex index,
    KnowledgeQueue queue,
    MetaFeatureService features,
    GroupingService grouping,
    IOptions<KnowledgeOptions> options,
    TimeProvider time,
    ILogger<KnowledgeBase> logger) : IKnowledgeBase, IJobOutcomeSink
{
    public async Task<KnowledgeAdvice> AdviseAsync(string tenant, DatasetInfo dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        try
        {
            var key = KnowledgeKeys.Dataset(tenant, dataset.Id);
            if (await VectorAsync(tenant, dataset, cancellationToken) is not var (vector, scores))
            {
                return KnowledgeAdvice.None;
            }

            var snapshot = await grouping.SnapshotAsync();
            var assignment = GroupResolver.Resolve(snapshot.Grouping, key, vector);
            // The group's candidates that take the dataset (none for an unknown dataset: it trains from scratch), picked
            // by the transfer score measured on this dataset, else by overlap with the group.
            var benchmark = assignment is { IsUnknown: false } && snapshot.Grouping!.Groups.FirstOrDefault(g => g.Id == assignment.GroupId) is { } group
                ? GroupResolver.Pick(GroupResolver.CandidatesFor(group, await store.ListBenchmarksAsync(cancellationToken), m => Fits(m, dataset)), scores)
                : null;
            if (benchmark is not null)
            {
                LogBenchmarkPicked(logger, benchmark.Model.Info.Id, tenant, dataset.Id, benchmark.Reason);
            }

            var recommender = await index.GetAsync(cancellationToken);
            var wanted = Math.Max(options.Value.WarmStartObservations, options.Value.WarmStartEnqueued) * 2;
            var query = recommender is null ? null : MetaFeatureProjection.TryProject(vector, recommender.Scaling);
            var recommendations = query is null || wanted == 0 ? null : recommender!.Recommend(query, wanted);
            return new KnowledgeAdvice(
                benchmark is null ? null : new BenchmarkChoice(benchmark.Model.Info.Id, benchmark.Model.Info.Spec, benchmark.Model.WeightsBlob, assignment!.GroupId, benchmark.TransferScore, benchmark.Reason),
                assignment,
                recommendations,
                options.Value.WarmStartObservations,
                options.Value.WarmStartEnqueued);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
        {
            LogAdviceFailed(logger, ex, tenant, dataset.Id);
            return KnowledgeAdvice.None;
        }
    }

    public async Task RecordTrialsAsync(string tenant, string jobId, DatasetInfo dataset, IReadOnlyList<TrialInfo> trials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(trials);
        if (!await grains.GetGrain<IDatasetGrain>(DatasetKeys.Of(tenant, dataset.Id)).EntersKnowledgeBaseAsync())
        {
            // A group's virtual dataset (a union of datasets the knowledge base holds) or one deleted meanwhile: its trials
            // do not count, and recording them must not queue its meta-features (which would take it into the groups).
            return;
        }

        var recorded = trials
            .Where(t => t.Status is TrialStatus.Completed or TrialStatus.Pruned or TrialStatus.Stopped)
            .Select(t => (Trial: t, Last: t.Curve.LastOrDefault(c => c.ValidationAccuracy is { } a && double.IsFinite(a))))
            .Where(p => p.Last is not null)
            .Select(p => new HistoryTrial(
                $"{p.Trial.Number}",
                ConfigurationJson.ToJson(p.Trial.Configuration),
                p.Last!.ValidationAccuracy!.Value,
                p.Last.Epoch,
                new Dictionary<string, double> { ["best_accuracy"] = p.Trial.Curve.Max(c => c.ValidationAccuracy ?? double.NegativeInfinity), ["epochs"] = p.Last.Epoch }))
            .ToArray();
        if (recorded.Length == 0)
        {
            return;
        }

        await store.WriteTrialsAsync(new StoredTrials(tenant, dataset.Id, jobId, recorded, time.GetUtcNow()), createOnly: false, cancellationToken);
        if (await store.ReadVectorAsync(tenant, dataset.Id, cancellationToken) is null)
        {
            queue.EnqueueExtraction(tenant, dataset); // a dataset from before the knowledge base: its trials count once it has a vector
        }

        LogRecorded(logger, recorded.Length, tenant, jobId);
    }

    Task IJobOutcomeSink.RecordAsync(string tenant, string jobId, DatasetInfo dataset, IReadOnlyList<TrialInfo> trials, CancellationToken cancellationToken) =>
        RecordTrialsAsync(tenant, jobId, dataset, trials, cancellationToken);

    /// <summary>The ready vector and transfer scores; otherwise computed here under a short timeout (null when that runs out).</summary>
    private async Task<(MetaFeatureVector Vector, IReadOnlyDictionary<string, double>? Scores)?> VectorAsync(string tenant, DatasetInfo dataset, CancellationToken cancellationToken)
    {
        var known = await grains.GetGrain<IDatasetKnowledgeGrain>(KnowledgeKeys.Dataset(tenant, dataset.Id)).GetAsync();
        if (known is { Status: DatasetKnowledgeStatus.Ready, MetaFeatures: { } ready })
        {
            return (ready, known.TransferScores);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.InlineExtractionSeconds));
        try
        {
            var extracted = await features.ExtractAsync(tenant, dataset, timeout.Token);
            return (extracted.Vector, extracted.TransferScores);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogInlineTimeout(logger, tenant, dataset.Id);
            return null;
        }
    }

    /// <summary>A benchmark fits when its backbone takes the dataset's inputs: same image shape, or same encoded column count.</summary>
    private static bool Fits(BenchmarkModelRecord model, DatasetInfo dataset)
    {
        var input = model.Info.Spec.Input;
        return dataset.Schema.Image is { } image
            ? input.IsImage && input.Channels == image.Channels && input.Height == image.Height && input.Width == image.Width
            : !input.IsImage && input.Features == (dataset.Schema.Columns?.Sum(c => c.Kind == "categorical" ? Math.Max(1, c.Categories?.Count ?? 1) : 1) ?? 1);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Benchmark model {Model} for {Tenant}/{Dataset}: {Reason}")]
    private static partial void LogBenchmarkPicked(ILogger logger, string model, string tenant, string dataset, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Knowledge base advice for {Tenant}/{Dataset} failed; the job runs without it")]
    private static partial void LogAdviceFailed(ILogger logger, Exception exception, string tenant, string dataset);

    [LoggerMessage(Level = LogLevel.Information, Message = "Meta-features of {Tenant}/{Dataset} were not ready in time; the job runs without advice")]
    private static partial void LogInlineTimeout(ILogger logger, string tenant, string dataset);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded {Count} trials of {Tenant}/{Job} in the knowledge base")]
    private static partial void LogRecorded(ILogger logger, int count, string tenant, string job);
}

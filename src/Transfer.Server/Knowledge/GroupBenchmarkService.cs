using System.IO.Compression;
using System.Text.RegularExpressions;
using Transfer.Contracts.Datasets;
using Transfer.Contracts.Jobs;
using Transfer.Contracts.Knowledge;
using Transfer.Data;
using Transfer.Grains.Jobs;
using Transfer.Server.Datasets;
using Transfer.Server.Jobs;
using Transfer.Server.Problems;
using Transfer.Storage;

namespace Transfer.Server.Knowledge;

/// <summary>
/// Trains a group's benchmark model on the group's virtual dataset, on request: the group's image members of the
/// caller's tenant (never another tenant's data) are combined with their label spaces kept apart
/// (<see cref="ImageDataUnion"/>), stored as an IDX dataset that stays out of the knowledge base's groups, and trained
/// by an ordinary job on the worker silos: one from-scratch trial of the default configuration. The
/// <see cref="GroupBenchmarkWatcher"/> publishes the job's model for the group when it completes.
/// </summary>
public sealed partial class GroupBenchmarkService(
    GroupingService grouping,
    KnowledgeStore store,
    DatasetService datasets,
    DatasetUploadService uploads,
    DatasetCache cache,
    JobService jobs,
    BenchmarkModelService models,
    ArtifactStore artifacts,
    TimeProvider time,
    ILogger<GroupBenchmarkService> logger)
{
    public async Task<GroupBenchmarkTraining> StartAsync(string tenant, string groupId, GroupBenchmarkRequest request, CancellationToken cancellationToken = default)
    {
        if (request.ModelId is null || !ModelId().IsMatch(request.ModelId))
        {
            throw ApiProblemException.BadRequest("bad-model-id", "modelId must be 3-40 lower-case letters, digits or dashes.");
        }

        if (request.Epochs is < 1 or > 100)
        {
            throw ApiProblemException.BadRequest("bad-epochs", "epochs must be between 1 and 100.");
        }

        if (await store.ReadBenchmarkAsync(request.ModelId, cancellationToken) is not null || await store.ReadGroupBenchmarkAsync(request.ModelId, cancellationToken) is not null)
        {
            throw ApiProblemException.Conflict("model-exists", $"A benchmark model '{request.ModelId}' is already published or training.");
        }

        var group = (await grouping.SnapshotAsync()).Grouping?.Groups.FirstOrDefault(g => g.Id == groupId)
            ?? throw ApiProblemException.NotFound("group", groupId);
        if (group.Kind != DatasetGroup.ImageKind)
        {
            throw ApiProblemException.BadRequest("tabular-group", $"Group '{groupId}' holds tables; their columns differ, so they have no shared input to pretrain on. Publish a model for it instead.");
        }

        var (members, skipped) = await MembersAsync(tenant, group, cancellationToken);
        if (members.Count == 0)
        {
            throw ApiProblemException.BadRequest("no-members", $"Group '{groupId}' has no image dataset of your tenant to train on ({string.Join("; ", skipped)}).");
        }

        var union = ImageDataUnion.Combine([.. members.Select(m => (m.Info.Name, m.Data))]);
        var dataset = await StoreAsync(tenant, $"{groupId} virtual dataset ({request.ModelId})", union, cancellationToken);
        var job = await jobs.StartAsync(
            tenant,
            // One model to publish, not a score to trust: a single holdout split, never k folds.
            new CreateJobRequest(dataset.Id, Budget: new JobBudget(Trials: 1), MaxEpochs: request.Epochs, Seed: request.Seed, UseKnowledgeBase: false, Validation: new JobValidation(JobValidation.Holdout)),
            consultKnowledgeBase: false,
            cancellationToken);
        var training = new GroupBenchmarkTraining(
            request.ModelId, groupId, dataset.Id, job.Id, [.. members.Select(m => KnowledgeKeys.Dataset(tenant, m.Info.Id))], skipped,
            GroupBenchmarkStatus.Training, null, null, time.GetUtcNow(), null);
        if (!await store.WriteGroupBenchmarkAsync(new StoredGroupBenchmark(tenant, training), createOnly: true, cancellationToken))
        {
            await jobs.StopAsync(tenant, job.Id, CancellationToken.None);
            throw ApiProblemException.Conflict("model-exists", $"A benchmark model '{request.ModelId}' is already training.");
        }

        LogStarted(logger, request.ModelId, groupId, members.Count, union.Count, job.Id);
        return training;
    }

    public async Task<GroupBenchmarkTraining> GetAsync(string tenant, string modelId, CancellationToken cancellationToken = default) =>
        await store.ReadGroupBenchmarkAsync(modelId, cancellationToken) is { } stored && stored.Tenant == tenant
            ? stored.Training
            : throw ApiProblemException.NotFound("group benchmark training", modelId);

    /// <summary>Publishes or fails one training whose job has ended; false while the job still runs.</summary>
    public async Task<bool> SettleAsync(StoredGroupBenchmark stored, CancellationToken cancellationToken = default)
    {
        var (tenant, training) = stored;
        var job = await jobs.GetAsync(tenant, training.JobId, cancellationToken);
        if (job.FinishedAt is null)
        {
            return false; // running, or its model is still being registered
        }

        GroupBenchmarkTraining settled;
        if (job is { Status: JobStatus.Completed, ModelId: { } model })
        {
            await using var weights = await artifacts.OpenReadAsync(artifacts.ModelRef(tenant, model, "model"), cancellationToken);
            _ = await models.PublishTrainedAsync(tenant, training.ModelId, weights, training.GroupId, training.Members, training.DatasetId, cancellationToken);
            settled = training with { Status = GroupBenchmarkStatus.Published, ValidationAccuracy = job.BestScore, FinishedAt = time.GetUtcNow() };
        }
        else
        {
            settled = training with { Status = GroupBenchmarkStatus.Failed, Error = $"The training job {job.Id} ended {job.Status.ToString().ToLowerInvariant()} without a model.", FinishedAt = time.GetUtcNow() };
        }

        await store.WriteGroupBenchmarkAsync(stored with { Training = settled }, createOnly: false, cancellationToken);
        LogSettled(logger, training.ModelId, settled.Status, job.Id);
        return true;
    }

    private async Task<(List<(DatasetInfo Info, ImageData Data)> Members, List<string> Skipped)> MembersAsync(string tenant, DatasetGroup group, CancellationToken cancellationToken)
    {
        var members = new List<(DatasetInfo Info, ImageData Data)>();
        var skipped = new List<string>();
        foreach (var key in group.Members)
        {
            var (owner, id) = KnowledgeKeys.Split(key);
            if (owner != tenant)
            {
                skipped.Add($"{key}: another tenant's data");
                continue;
            }

            DatasetInfo info;
            try
            {
                info = await datasets.GetAsync(tenant, id, cancellationToken);
            }
            catch (ApiProblemException)
            {
                skipped.Add($"{key}: deleted");
                continue;
            }

            if (await cache.GetAsync(tenant, info, cancellationToken) is not ImageData data)
            {
                skipped.Add($"{key}: not images");
                continue;
            }

            if (members.Count > 0 && (data.Channels, data.Height, data.Width) != (members[0].Data.Channels, members[0].Data.Height, members[0].Data.Width))
            {
                skipped.Add($"{key}: {data.Channels}x{data.Height}x{data.Width} images, unlike the first member's");
                continue;
            }

            members.Add((info, data));
        }

        return (members, skipped);
    }

    private async Task<DatasetInfo> StoreAsync(string tenant, string name, ImageData union, CancellationToken cancellationToken)
    {
        using var images = new MemoryStream();
        using var labels = new MemoryStream();
        await using (var gzip = new GZipStream(images, CompressionLevel.Fastest, leaveOpen: true))
        {
            await IdxWriter.WriteImagesAsync(union, gzip, cancellationToken);
        }

        await IdxWriter.WriteLabelsAsync(union, labels, cancellationToken);
        images.Position = 0;
        labels.Position = 0;
        return await uploads.StoreAsync(
            tenant,
            name,
            DatasetFormat.Idx,
            [(DatasetParts.Images, "images-idx3-ubyte.gz", images), (DatasetParts.Labels, "labels-idx1-ubyte", labels)],
            enterKnowledgeBase: false,
            cancellationToken);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,39}$")]
    private static partial Regex ModelId();

    [LoggerMessage(Level = LogLevel.Information, Message = "Training benchmark model {Model} for group {Group}: {Members} member datasets, {Examples} examples, job {Job}")]
    private static partial void LogStarted(ILogger logger, string model, string group, int members, int examples, string job);

    [LoggerMessage(Level = LogLevel.Information, Message = "Benchmark model {Model}: {Status} (job {Job})")]
    private static partial void LogSettled(ILogger logger, string model, GroupBenchmarkStatus status, string job);
}

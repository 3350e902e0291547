using System.Security.Cryptography;
using Transfer.Contracts.Jobs;
using Transfer.Contracts.Search;
using Transfer.Grains.Jobs;
using Transfer.Search.Samplers;
using Transfer.Search.Spaces;
using Transfer.Server.Datasets;
using Transfer.Server.Problems;
using Microsoft.Extensions.Options;
using Transfer.Contracts.Datasets;
using Transfer.Server.Options;
using Transfer.Server.Paging;
using Transfer.Storage;

namespace Transfer.Server.Jobs;

/// <summary>Starts, reads, steers and deletes a tenant's auto-training jobs.</summary>
public sealed class JobService(DatasetService datasets, JobPlanner planner, JobIndexStore index, IGrainFactory grains, IOptions<LimitsOptions> limits, Knowledge.IKnowledgeBase knowledge)
{
    public Task<JobInfo> StartAsync(string tenant, CreateJobRequest request, CancellationToken cancellationToken = default) =>
        StartAsync(tenant, request, consultKnowledgeBase: true, cancellationToken);

    /// <summary>
    /// Starts a job; without <paramref name="consultKnowledgeBase"/> it neither fine-tunes a benchmark model nor
    /// warm-starts: the base model trains from scratch (how a group's own benchmark model is pretrained).
    /// </summary>
    public async Task<JobInfo> StartAsync(string tenant, CreateJobRequest request, bool consultKnowledgeBase, CancellationToken cancellationToken = default)
    {
        var (normalized, dataset, plan) = await PlanAsync(tenant, request, consultKnowledgeBase, cancellationToken);
        var id = "job-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        await index.AddAsync(tenant, id, cancellationToken);
        return await Study(tenant, id).StartAsync(normalized, dataset, plan);
    }

    /// <summary>What <see cref="StartAsync(string, CreateJobRequest, CancellationToken)"/> would start, checked the same way, without starting it.</summary>
    public async Task<JobPlanInfo> DryRunAsync(string tenant, CreateJobRequest request, CancellationToken cancellationToken = default)
    {
        var (normalized, _, plan) = await PlanAsync(tenant, request, consultKnowledgeBase: true, cancellationToken);
        return new JobPlanInfo(
            normalized,
            plan.Space,
            plan.BaselineConfiguration,
            plan.BenchmarkModelId,
            plan.Group,
            Math.Max(1, plan.Folds),
            plan.ScratchReference,
            plan.WarmStart?.Enqueued ?? [],
            plan.WarmStart?.Observations?.Count ?? 0);
    }

    /// <summary>Validates a request, fills in its defaults and resolves its plan; every problem a start can meet is met here.</summary>
    private async Task<(CreateJobRequest Request, DatasetInfo Dataset, StudyPlan Plan)> PlanAsync(string tenant, CreateJobRequest request, bool consultKnowledgeBase, CancellationToken cancellationToken)
    {
        Validate(request);
        request = request with
        {
            Budget = request.Budget is null or { IsEmpty: true } ? new JobBudget(Trials: JobBudget.DefaultTrials) : request.Budget,
            Objective = request.Objective is { } objective ? objective with { Maximize = objective.Maximizes } : null,
        };
        var dataset = await datasets.GetAsync(tenant, request.DatasetId, cancellationToken);
        // Knowledge base: the group's benchmark model, and the nearest datasets' best configurations valid in the job's space.
        var advice = consultKnowledgeBase ? await knowledge.AdviseAsync(tenant, dataset, cancellationToken) : Knowledge.KnowledgeAdvice.None;
        var plan = planner.Plan(request, dataset, advice.Benchmark, warmStart: null);
        plan = plan with { WarmStart = advice.WarmStartFor(plan.Space, request.Objective, plan.BaselineConfiguration), Group = plan.Group ?? advice.Group?.GroupId };
        SearchSpace space;
        try
        {
            space = SearchSpace.Create(plan.Space);
        }
        catch (SearchSpaceException ex)
        {
            throw ApiProblemException.BadRequest("bad-search-space", ex.Message);
        }

        // The study builds the same sampler: a warm start outside the space or an unreadable option must fail here, as a
        // problem the user can act on, before the job exists.
        try
        {
            _ = request.Sampler is { } sampler ? SamplerFactory.Create(sampler, space) : null;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            throw ApiProblemException.BadRequest("bad-sampler", $"sampler '{request.Sampler!.Name}': {ex.Message}");
        }

        return (request, dataset, plan);
    }

    public async Task<Page<JobInfo>> ListAsync(string tenant, int? pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        var size = pageSize ?? 50;
        if (size < 1 || size > limits.Value.MaxPageSize)
        {
            throw ApiProblemException.BadRequest("bad-page-size", $"pageSize must be between 1 and {limits.Value.MaxPageSize}.");
        }

        var list = $"jobs:{tenant}";
        var (ids, next) = await index.ListAsync(tenant, size, PageToken.Unwrap(list, continuationToken), cancellationToken);
        var jobs = await Task.WhenAll(ids.Select(id => Study(tenant, id).GetAsync()));
        return new Page<JobInfo>(jobs.OfType<JobInfo>().ToArray(), PageToken.Wrap(list, next));
    }

    public async Task<JobInfo> GetAsync(string tenant, string id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await Study(tenant, id).GetAsync() ?? throw ApiProblemException.NotFound("job", id);
    }

    public async Task<IReadOnlyList<TrialInfo>> TrialsAsync(string tenant, string id, CancellationToken cancellationToken = default)
    {
        _ = await GetAsync(tenant, id, cancellationToken);
        return await Study(tenant, id).GetTrialsAsync();
    }

    public async Task<JobInfo> StopAsync(string tenant, string id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await Study(tenant, id).StopAsync() ?? throw ApiProblemException.NotFound("job", id);
    }

    public async Task<JobInfo> ExtendAsync(string tenant, string id, ExtendJobRequest request, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (request is { AdditionalTrials: null, WallTimeSeconds: null, DeviceHours: null } || !LimitsInRange(request.AdditionalTrials, 1_000, request.WallTimeSeconds, request.DeviceHours))
        {
            throw ApiProblemException.BadRequest("bad-budget", "An extension is additionalTrials (1-1000), wallTimeSeconds (> 0) and/or deviceHours (> 0), each at most a year, counted from now; whichever is spent first stops new trials, and a limit left out is lifted.");
        }

        return await Study(tenant, id).ExtendAsync(request) ?? throw ApiProblemException.NotFound("job", id);
    }

    public async Task<JobInfo> RerunFailedAsync(string tenant, string id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await Study(tenant, id).RerunFailedAsync() ?? throw ApiProblemException.NotFound("job", id);
    }

    public async Task CommandTrialAsync(string tenant, string id, int trial, TrialCommand command, CancellationToken cancellationToken = default)
    {
        _ = await GetAsync(tenant, id, cancellationToken);
        if (!await Study(tenant, id).CommandTrialAsync(trial, command))
        {
            throw ApiProblemException.Conflict("trial-not-running", $"Trial {trial} of job '{id}' is not running (or does not exist).");
        }
    }

    public async Task DeleteAsync(string tenant, string id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!await Study(tenant, id).DeleteAsync())
        {
            throw ApiProblemException.NotFound("job", id);
        }

        await index.RemoveAsync(tenant, id, cancellationToken);
    }

    private const double MaxBudgetSeconds = 365 * 24 * 3600.0;

    /// <summary>Whether each limit given is in range, as a job's budget and an extension take them: 1 to <paramref name="maxTrials"/> trials, and a time of more than nothing and at most a year.</summary>
    private static bool LimitsInRange(int? trials, int maxTrials, double? wallTimeSeconds, double? deviceHours) =>
        (trials is null || (trials >= 1 && trials <= maxTrials))
        && (wallTimeSeconds is null || (wallTimeSeconds > 0 && wallTimeSeconds <= MaxBudgetSeconds))
        && (deviceHours is null || (deviceHours > 0 && deviceHours <= MaxBudgetSeconds / 3600.0));

    private static void Validate(CreateJobRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.DatasetId))
        {
            throw ApiProblemException.BadRequest("bad-job", "datasetId is required: the id of an uploaded dataset.");
        }

        if (request.Budget is { } budget && !LimitsInRange(budget.Trials, 10_000, budget.WallTimeSeconds, budget.DeviceHours))
        {
            throw ApiProblemException.BadRequest("bad-budget", $"A budget is trials (1-10000), wallTimeSeconds (> 0) and/or deviceHours (> 0), whichever is spent first, each at most a year; with none of them a job runs {JobBudget.DefaultTrials} trials.");
        }

        if (request.Parallelism is < 1 or > 64)
        {
            throw ApiProblemException.BadRequest("bad-job", "parallelism must be between 1 and 64.");
        }

        if (request.MaxEpochs is < 1 or > 1_000)
        {
            throw ApiProblemException.BadRequest("bad-job", "maxEpochs must be between 1 and 1000.");
        }

        if (request.Validation is { } v && (v.Mode is not (JobValidation.Auto or JobValidation.Holdout or JobValidation.KFold) || v.Folds is < 2 or > 10 || v.SmallDataThreshold < 0
            || v.FoldModel is not (JobValidation.Ensemble or JobValidation.Refit or JobValidation.BestFold)))
        {
            throw ApiProblemException.BadRequest("bad-validation", "validation.mode must be auto, holdout or kfold, folds between 2 and 10, smallDataThreshold ≥ 0, foldModel ensemble, refit or best-fold.");
        }

        if (request.EnsembleSize is < 0 or > CreateJobRequest.MaxEnsembleSize)
        {
            throw ApiProblemException.BadRequest("bad-ensemble", $"ensembleSize must be between 0 (register the best trial alone) and {CreateJobRequest.MaxEnsembleSize}; it was {request.EnsembleSize}.");
        }

        if (request.Objective is { } o && o.Metric is not (JobObjective.Accuracy or JobObjective.Loss))
        {
            throw ApiProblemException.BadRequest("bad-objective", $"Unknown metric '{o.Metric}': use accuracy (maximised) or loss (minimised).");
        }

        if (request.Objective is { Maximize: { } maximize } objective && maximize != (objective.Metric == JobObjective.Accuracy))
        {
            throw ApiProblemException.BadRequest("bad-objective", $"{objective.Metric} is {(maximize ? "minimised" : "maximised")}: leave maximize out, or set it to {(!maximize).ToString().ToLowerInvariant()}; maximize {maximize.ToString().ToLowerInvariant()} would pick the worst model.");
        }

        if (request.Sampler is { } s && s.Name is not ("random" or "grid" or "lhs" or "tpe" or "tpe-multivariate" or "gp" or "rl"))
        {
            throw ApiProblemException.BadRequest("bad-sampler", $"Unknown sampler '{s.Name}': use random, grid, lhs, tpe, tpe-multivariate, gp or rl.");
        }

        if (request.Scheduler is { } d && d.Name is not ("fifo" or "median" or "asha" or "hyperband"))
        {
            throw ApiProblemException.BadRequest("bad-scheduler", $"Unknown scheduler '{d.Name}': use fifo, median, asha or hyperband.");
        }
    }

    private IStudyGrain Study(string tenant, string id) => grains.GetGrain<IStudyGrain>($"{tenant}/{id}");
}

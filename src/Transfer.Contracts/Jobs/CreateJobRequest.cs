using Transfer.Contracts.Search;

namespace Transfer.Contracts.Jobs;

/// <summary>
/// Starts an auto-training job on a dataset of the caller's tenant. Everything but <see cref="DatasetId"/> has a default:
/// the joint space (head architecture + frozen backbone blocks + solver) around the dataset's benchmark model, TPE
/// warm-started from the knowledge base inside ASHA, one trial at a time.
/// </summary>
/// <param name="DatasetId">The dataset to train on.</param>
/// <param name="Objective">The metric to optimise; validation accuracy, maximised, by default.</param>
/// <param name="Budget">How many trials, or how long.</param>
/// <param name="Space">The search space; null for the default joint space.</param>
/// <param name="Sampler">The sampler by name (<c>tpe</c>, <c>gp</c>, <c>random</c>, …); null for KB-warm-started TPE.</param>
/// <param name="Scheduler">The scheduler (<c>asha</c>, <c>hyperband</c>, <c>median</c>, <c>fifo</c>); null for ASHA.</param>
/// <param name="Parallelism">Trials run at once across the worker silos.</param>
/// <param name="Seed">Seeds the sampler, the data splits and every trial (trial n uses <c>Seed + n</c>).</param>
/// <param name="MaxEpochs">The longest a trial trains, in epochs (the scheduler's maximum budget).</param>
/// <param name="UseKnowledgeBase">Warm-start from the nearest past datasets' best configurations.</param>
/// <param name="Validation">How trials are scored (holdout or k-fold); null for <c>auto</c>: 5-fold below 2,000 non-test examples.</param>
/// <param name="ScratchReference">
/// Adds a reference trial that trains the default configuration without pretrained weights: the last trial of a trial
/// budget (second, after the baseline, when the budget has no trial count); it is never pruned and never registered. Null: only when there is a benchmark model and the budget has at least
/// <see cref="ScratchMinTrials"/> trials.
/// </param>
/// <param name="EnsembleSize">
/// Rounds of greedy ensemble selection over the completed trials when the job finishes (auto-sklearn's
/// <c>ensemble_size</c>), in each of 100 bootstrap resamples of their held-out validation predictions (fewer from 1,000
/// held-out examples on, down to 20 from 5,000): the registered
/// model averages the picked trials' models, weighted by how often each was picked over all resamples (trials with under
/// 2 % of the picks are left out). 0 registers the best trial's model alone. A picked trial adds its models to every
/// prediction (with k-fold, up to k each).
/// </param>
public sealed record CreateJobRequest(
    string DatasetId,
    JobObjective? Objective = null,
    JobBudget? Budget = null,
    SearchSpaceDefinition? Space = null,
    SamplerDefinition? Sampler = null,
    SchedulerDefinition? Scheduler = null,
    int Parallelism = 1,
    int Seed = 0,
    int MaxEpochs = 4,
    bool UseKnowledgeBase = true,
    JobValidation? Validation = null,
    bool? ScratchReference = null,
    int EnsembleSize = CreateJobRequest.DefaultEnsembleSize)
{
    /// <summary>Greedy rounds of the job's ensemble by default.</summary>
    public const int DefaultEnsembleSize = 20;

    /// <summary>The most rounds of ensemble selection a job may ask for.</summary>
    public const int MaxEnsembleSize = 100;

    /// <summary>The smallest trial budget that gets a from-scratch reference trial by default.</summary>
    public const int ScratchMinTrials = 8;
}

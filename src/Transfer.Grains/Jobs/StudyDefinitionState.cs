using Transfer.Contracts.Datasets;
using Transfer.Contracts.Jobs;

namespace Transfer.Grains.Jobs;

/// <summary>What a study was started with (never changes): persisted once, in its own record next to the study's state.</summary>
[GenerateSerializer]
[Alias("transfer.study-definition-state")]
public sealed class StudyDefinitionState
{
    [Id(0)]
    public CreateJobRequest? Request { get; set; }

    [Id(1)]
    public DatasetInfo? Dataset { get; set; }

    [Id(2)]
    public StudyPlan? Plan { get; set; }
}

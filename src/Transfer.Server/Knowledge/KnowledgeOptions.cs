using System.ComponentModel.DataAnnotations;

namespace Transfer.Server.Knowledge;

/// <summary>How the knowledge base learns and advises. Bound from <c>Transfer:Knowledge</c>.</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Transfer:Knowledge";

    /// <summary>Blob container of meta-feature vectors, recorded trials and benchmark model manifests.</summary>
    [Required]
    [RegularExpression("^[a-z0-9-]{3,63}$")]
    public string Container { get; set; } = "knowledge";

    /// <summary>Re-cluster in the background once this many datasets got meta-features since the last clustering.</summary>
    [Range(1, 100_000)]
    public int ReclusterEvery { get; set; } = 5;

    /// <summary>How old a silo's copy of the grouping may be before a request reads the directory grain again.</summary>
    [Range(0, 3_600)]
    public double GroupsCacheSeconds { get; set; } = 2;

    /// <summary>Seed of the meta-feature subsampling and landmarkers (the same for every dataset, so vectors compare).</summary>
    public int ExtractionSeed { get; set; } = 7;

    /// <summary>Most images of a dataset embedded by each benchmark model's backbone (seeded subsample) for meta-features and transfer scores.</summary>
    [Range(16, 512)]
    public int EmbeddingImages { get; set; } = 512;

    /// <summary>Seed of the clustering.</summary>
    public int GroupingSeed { get; set; } = 42;

    /// <summary>How long a job start may spend computing meta-features that are not ready yet, before it goes without advice.</summary>
    [Range(0, 600)]
    public double InlineExtractionSeconds { get; set; } = 20;

    /// <summary>Prior observations handed to a job's sampler.</summary>
    [Range(0, 1_000)]
    public int WarmStartObservations { get; set; } = 20;

    /// <summary>Recommended configurations a job tries first.</summary>
    [Range(0, 50)]
    public int WarmStartEnqueued { get; set; } = 3;
}

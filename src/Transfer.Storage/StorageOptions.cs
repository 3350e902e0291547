using System.ComponentModel.DataAnnotations;

namespace Transfer.Storage;

/// <summary>Where blobs live. Bound from the <c>Transfer:Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Transfer:Storage";

    /// <summary>Azure Storage connection string; Azurite's well-known development account by default.</summary>
    [Required]
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>Container for uploaded datasets: <c>{tenant}/{dataset}/{part}</c>.</summary>
    [Required]
    [RegularExpression("^[a-z0-9-]{3,63}$")]
    public string DatasetsContainer { get; set; } = "datasets";

    /// <summary>Container for trained and benchmark model weights: <c>{tenant}/{model}/…</c>.</summary>
    [Required]
    [RegularExpression("^[a-z0-9-]{3,63}$")]
    public string ModelsContainer { get; set; } = "models";

    /// <summary>Container for trial checkpoints: <c>{job}/{trial}/…</c>.</summary>
    [Required]
    [RegularExpression("^[a-z0-9-]{3,63}$")]
    public string CheckpointsContainer { get; set; } = "checkpoints";

    /// <summary>Largest block sent in one request while streaming an upload into blob storage (bounds server memory).</summary>
    [Range(1 << 20, 100 << 20)]
    public int UploadBlockBytes { get; set; } = 4 << 20;
}

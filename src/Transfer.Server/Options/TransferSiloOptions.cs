using System.ComponentModel.DataAnnotations;

namespace Transfer.Server.Options;

/// <summary>How the silo joins its cluster. Bound from <c>Transfer:Silo</c>.</summary>
public sealed class TransferSiloOptions
{
    public const string Section = "Transfer:Silo";

    /// <summary><c>Localhost</c> (one machine, the default) or <c>AzureTable</c> (membership in Azure Table storage).</summary>
    [Required]
    [RegularExpression("^(Localhost|AzureTable)$", ErrorMessage = "Transfer:Silo:Clustering must be Localhost or AzureTable.")]
    public string Clustering { get; set; } = "Localhost";

    [Required]
    public string ClusterId { get; set; } = "transfer-dev";

    [Required]
    public string ServiceId { get; set; } = "transfer";

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Blob container holding grain state.</summary>
    [Required]
    [RegularExpression("^[a-z0-9-]{3,63}$")]
    public string GrainStateContainer { get; set; } = "grainstate";
}

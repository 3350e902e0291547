using System.ComponentModel.DataAnnotations;

namespace Transfer.Server.Options;

/// <summary>The host's role and public address. Bound from <c>Transfer</c>.</summary>
public sealed class TransferOptions
{
    public const string Section = "Transfer";

    /// <summary><c>all</c> (default: silo + API + worker), <c>api</c> (silo + HTTP API), or <c>worker</c> (silo that trains).</summary>
    [Required]
    [RegularExpression("^(all|api|worker)$", ErrorMessage = "Transfer:Role must be all, api or worker.")]
    public string Role { get; set; } = "all";

    /// <summary>The URL clients reach the API at; written into the credentials file on bootstrap.</summary>
    [Required]
    [Url]
    public string PublicUrl { get; set; } = "http://127.0.0.1:5080";

    public bool ServesApi => Role is "all" or "api";

    public bool RunsTraining => Role is "all" or "worker";
}

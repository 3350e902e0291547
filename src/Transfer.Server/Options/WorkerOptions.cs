using System.ComponentModel.DataAnnotations;

namespace Transfer.Server.Options;

/// <summary>How a worker silo trains. Bound from <c>Transfer:Worker</c>.</summary>
public sealed class WorkerOptions
{
    public const string Section = "Transfer:Worker";

    /// <summary>Torch CPU threads per process. One is fastest on 2-core machines (see STACK-NOTES); raise it on bigger ones.</summary>
    [Range(1, 256)]
    public int TorchThreads { get; set; } = 1;

    /// <summary><c>auto</c> (CUDA when the process sees one, else CPU), <c>cpu</c> or <c>cuda</c>.</summary>
    [Required]
    [RegularExpression("^(auto|cpu|cuda)$")]
    public string Device { get; set; } = "auto";
}

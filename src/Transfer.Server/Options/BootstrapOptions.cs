namespace Transfer.Server.Options;

/// <summary>First-start setup of the embedded default. Bound from <c>Transfer:Bootstrap</c>.</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Transfer:Bootstrap";

    /// <summary>Create the admin tenant and key, and write the key where the CLI finds it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The admin tenant's id.</summary>
    public string AdminTenant { get; set; } = "admin";

    /// <summary>The credentials file; empty means <c>$TRANSFER_CREDENTIALS</c> or <c>~/.transfer/credentials.json</c>.</summary>
    public string? CredentialsFile { get; set; }

    public string ResolveCredentialsFile() =>
        !string.IsNullOrWhiteSpace(CredentialsFile) ? CredentialsFile
        : Environment.GetEnvironmentVariable("TRANSFER_CREDENTIALS") is { Length: > 0 } fromEnv ? fromEnv
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".transfer", "credentials.json");
}

using System.Text.Json;
using Microsoft.Extensions.Options;
using Transfer.Contracts.Tenants;
using Transfer.Grains.Tenants;
using Transfer.Server.Auth;
using Transfer.Server.Options;
using Transfer.Server.Tenants;
using Transfer.Storage;

namespace Transfer.Server.Bootstrap;

/// <summary>
/// On start: creates the blob containers, and for the embedded default an admin tenant with an admin key written to the
/// credentials file the CLI reads. A still-valid key in that file is kept; otherwise a new one is issued.
/// </summary>
public sealed partial class BootstrapService(
    IGrainFactory grains,
    TenantService tenants,
    DatasetBlobStore datasets,
    IOptions<BootstrapOptions> options,
    IOptions<TransferOptions> transfer,
    ILogger<BootstrapService> logger) : IHostedService
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await datasets.EnsureContainerAsync(cancellationToken);
        if (!options.Value.Enabled || !transfer.Value.ServesApi)
        {
            return;
        }

        var admin = options.Value.AdminTenant;
        if (await grains.GetGrain<ITenantGrain>(admin).GetAsync() is null)
        {
            await tenants.CreateAsync(new CreateTenantRequest(admin, "Administrators"), cancellationToken);
        }

        var path = options.Value.ResolveCredentialsFile();
        if (await ExistingKeyIsValidAsync(path, cancellationToken))
        {
            LogKept(logger, path);
            return;
        }

        var issued = await tenants.IssueKeyAsync(admin, Role.Admin, "bootstrap", cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var credentials = new Credentials(transfer.Value.PublicUrl, issued.Key);
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            await JsonSerializer.SerializeAsync(file, credentials, _json, cancellationToken);
        }

        LogWritten(logger, issued.Info.KeyId, path);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<bool> ExistingKeyIsValidAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            await using var file = File.OpenRead(path);
            var existing = await JsonSerializer.DeserializeAsync<Credentials>(file, _json, cancellationToken);
            return existing is not null
                && existing.Url == transfer.Value.PublicUrl
                && ApiKeys.TryParse(existing.Key, out var keyId, out var secret)
                && await grains.GetGrain<IApiKeyGrain>(keyId).VerifyAsync(ApiKeys.Hash(secret)) is { Role: Role.Admin };
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private sealed record Credentials(string Url, string Key);

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin credentials in {Path} are still valid")]
    private static partial void LogKept(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Issued admin key {KeyId}; wrote it to {Path} for the CLI")]
    private static partial void LogWritten(ILogger logger, string keyId, string path);
}

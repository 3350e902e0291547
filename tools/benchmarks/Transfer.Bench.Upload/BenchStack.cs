using System.Text.Json;

namespace Transfer.Bench.Upload;

/// <summary>
/// A private Azurite (in-memory, free ports) and the Release host as a separate process on free ports with its own
/// credentials file, as deployed. Both are stopped when disposed.
/// </summary>
public sealed class BenchStack : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly string _temp = Path.Combine(Path.GetTempPath(), $"transfer-bench-upload-{Guid.NewGuid():N}");
    private ChildProcess? _azurite;
    private ChildProcess? _host;
    private string _connectionString = "";

    public Uri Url { get; private set; } = null!;

    public string AdminKey { get; private set; } = null!;

    /// <summary>The private Azurite's connection string, for benches that read what the host stored.</summary>
    public string StorageConnectionString => _connectionString;

    public int HostPid => _host!.Id;

    public static async Task<BenchStack> StartAsync(string root, long maxUploadBytes, long maxRows, IReadOnlyList<string> extraHostArgs, CancellationToken cancellationToken = default)
    {
        var stack = new BenchStack();
        try
        {
            await stack.StartAzuriteAsync(root, cancellationToken);
            await stack.StartHostAsync(root, maxUploadBytes, maxRows, extraHostArgs, cancellationToken);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        if (Directory.Exists(_temp))
        {
            Directory.Delete(_temp, recursive: true);
        }
    }

    private async Task StartAzuriteAsync(string root, CancellationToken cancellationToken)
    {
        var exe = Path.Combine(root, "tools", "azurite", "node_modules", ".bin", "azurite");
        if (!File.Exists(exe))
        {
            throw new InvalidOperationException($"Azurite is not installed at {exe}. Run `tools/azurite.sh install` first.");
        }

        int blob = ChildProcess.FreePort(), queue = ChildProcess.FreePort(), table = ChildProcess.FreePort();
        _azurite = new ChildProcess(exe, ["--silent", "--inMemoryPersistence", "--skipApiVersionCheck", "--loose",
            "--blobHost", "127.0.0.1", "--blobPort", $"{blob}", "--queueHost", "127.0.0.1", "--queuePort", $"{queue}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{table}"]);
        _connectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AccountKey
            + $";BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(await ChildProcess.AnswersAsync(blob) && await ChildProcess.AnswersAsync(table)))
        {
            if (_azurite.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Azurite did not answer on 127.0.0.1:{blob} within 60 s:{Environment.NewLine}{_azurite.Tail}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private async Task StartHostAsync(string root, long maxUploadBytes, long maxRows, IReadOnlyList<string> extraHostArgs, CancellationToken cancellationToken)
    {
        var dll = Path.Combine(root, "src", "Transfer.Server", "bin", "Release", "net10.0", "Transfer.Server.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"No Release build of the host at {dll} (tools/bench upload builds it; or: dotnet build -c Release src/Transfer.Server).");
        }

        Directory.CreateDirectory(_temp);
        var credentials = Path.Combine(_temp, "credentials.json");
        Url = new Uri($"http://127.0.0.1:{ChildProcess.FreePort()}");
        string[] args =
        [
            dll, "--urls", Url.ToString(), "--Transfer:PublicUrl", Url.ToString(),
            "--Transfer:Storage:ConnectionString", _connectionString,
            "--Transfer:Bootstrap:CredentialsFile", credentials,
            "--Transfer:Silo:SiloPort", $"{ChildProcess.FreePort()}", "--Transfer:Silo:GatewayPort", $"{ChildProcess.FreePort()}",
            "--Transfer:Limits:MaxUploadBytes", $"{maxUploadBytes}", "--Transfer:Limits:MaxRows", $"{maxRows}",
            .. extraHostArgs,
        ];
        _host = new ChildProcess("dotnet", args, new Dictionary<string, string> { ["DOTNET_NOLOGO"] = "1" });

        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            if (_host.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The host did not become ready at {Url}health/ready within 120 s (exited: {_host.HasExited}):{Environment.NewLine}{_host.Tail}");
            }

            if (File.Exists(credentials) && await ReadyAsync(http, cancellationToken))
            {
                break;
            }

            await Task.Delay(200, cancellationToken);
        }

        await using var file = File.OpenRead(credentials);
        using var json = await JsonDocument.ParseAsync(file, cancellationToken: cancellationToken);
        AdminKey = json.RootElement.GetProperty("key").GetString() ?? throw new InvalidOperationException($"{credentials} has no key.");
    }

    private static async Task<bool> ReadyAsync(HttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri("health/ready", UriKind.Relative), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}

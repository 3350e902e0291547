using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Transfer.Contracts.Tenants;

namespace Transfer.EndToEnd.Tests.Hosting;

/// <summary>
/// The real host (Orleans silo + HTTP API, role <c>all</c>) in-process on a private Azurite, shared by the tests of the
/// <see cref="HostCollection"/>. Tests get the admin key from the credentials file the host wrote, as the CLI does.
/// </summary>
public class TransferHostFixture : IAsyncLifetime
{
    private readonly string _credentials = Path.Combine(Path.GetTempPath(), $"transfer-e2e-{Guid.NewGuid():N}", "credentials.json");
    private AzuriteProcess? _azurite;

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public string AdminKey { get; private set; } = null!;

    /// <summary>The tenant the host bootstraps for its admin key (the default of <c>Transfer:Bootstrap:AdminTenant</c>).</summary>
    public string AdminTenant => "admin";

    public string ConnectionString => _azurite!.ConnectionString;

    public BlobServiceClient Blobs => new(ConnectionString);

    /// <summary>The host's address when <see cref="UsesRealPort"/>, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri? Address { get; private set; }

    /// <summary>True to serve on a free loopback port (Kestrel) instead of the in-memory test server: a browser needs one.</summary>
    protected virtual bool UsesRealPort => false;

    public virtual async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync();
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Transfer:Storage:ConnectionString", _azurite.ConnectionString);
            web.UseSetting("Transfer:Silo:SiloPort", $"{AzuriteProcess.FreePort()}");
            web.UseSetting("Transfer:Silo:GatewayPort", $"{AzuriteProcess.FreePort()}");
            web.UseSetting("Transfer:Bootstrap:CredentialsFile", _credentials);
            web.UseSetting("Transfer:Limits:MaxUploadBytes", $"{MaxUploadBytes}");
            web.UseSetting("Transfer:Limits:MaxRows", "100000");
            web.UseSetting("Transfer:Limits:MaxZipEntries", "1000");
        });
        if (UsesRealPort)
        {
            Factory.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
            Factory.StartServer(); // starts the host: silo, bootstrap, API
            var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
            Address = new Uri(addresses.Addresses.First());
        }
        else
        {
            _ = Factory.Server; // starts the host: silo, bootstrap, API
        }

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(_credentials));
        AdminKey = json.RootElement.GetProperty("key").GetString()!;
    }

    /// <summary>The upload limit the fixture configures (small, so the over-limit test is cheap).</summary>
    public static long MaxUploadBytes => 16L << 20;

    public HttpClient CreateHttpClient(string? key)
    {
        var client = Factory.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeyHeader.Name, key);
        }

        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public virtual async Task DisposeAsync()
    {
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        Directory.Delete(Path.GetDirectoryName(_credentials)!, recursive: true);
    }
}

using System.Net;
using System.Net.Http.Json;
using Transfer.Contracts.Tenants;
using Transfer.EndToEnd.Tests.Hosting;

namespace Transfer.EndToEnd.Tests;

[Collection(HostCollection.Name)]
public sealed class AuthTests(TransferHostFixture host)
{
    [Fact]
    public async Task ARequestWithoutAKeyGets401()
    {
        using var http = host.CreateHttpClient(key: null);
        await Problems.AssertProblemAsync(await http.GetAsync("/api/datasets"), HttpStatusCode.Unauthorized, "missing-api-key", "X-Api-Key");
    }

    [Fact]
    public async Task AMalformedKeyGets401()
    {
        using var http = host.CreateHttpClient("not-a-key");
        await Problems.AssertProblemAsync(await http.GetAsync("/api/datasets"), HttpStatusCode.Unauthorized, "invalid-api-key");
    }

    [Fact]
    public async Task ARevokedKeyGets401()
    {
        var (_, key) = await Tenants.NewAsync(host);
        using var http = host.CreateHttpClient(key.Key);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/datasets")).StatusCode);

        using var admin = host.CreateHttpClient(host.AdminKey);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/keys/{key.Info.KeyId}")).StatusCode);

        await Problems.AssertProblemAsync(await http.GetAsync("/api/datasets"), HttpStatusCode.Unauthorized, "invalid-api-key", "revoked");
    }

    [Fact]
    public async Task AUserKeyOnAnAdminRouteGets403()
    {
        var (_, key) = await Tenants.NewAsync(host);
        using var http = host.CreateHttpClient(key.Key);
        var response = await http.PostAsJsonAsync("/api/admin/tenants", new CreateTenantRequest("sneaky"));
        await Problems.AssertProblemAsync(response, HttpStatusCode.Forbidden, "admin-only");
    }

    [Fact]
    public async Task AnotherTenantsDatasetLooksAbsent()
    {
        var (_, owner) = await Tenants.NewAsync(host);
        var (_, stranger) = await Tenants.NewAsync(host);
        using var ownerHttp = host.CreateHttpClient(owner.Key);
        using var strangerHttp = host.CreateHttpClient(stranger.Key);
        var csv = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.SeedDataset("iris"), "data.csv"));
        var created = await ownerHttp.PostAsync("/api/datasets", Uploads.Csv(csv));
        var id = (await created.Content.ReadFromJsonAsync<Transfer.Contracts.Datasets.DatasetInfo>(Json.Options))!.Id;

        await Problems.AssertProblemAsync(await strangerHttp.GetAsync($"/api/datasets/{id}"), HttpStatusCode.NotFound, "not-found");
        await Problems.AssertProblemAsync(await strangerHttp.GetAsync($"/api/datasets/{id}/parts/data"), HttpStatusCode.NotFound, "not-found");
        await Problems.AssertProblemAsync(await strangerHttp.DeleteAsync($"/api/datasets/{id}"), HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.OK, (await ownerHttp.GetAsync($"/api/datasets/{id}")).StatusCode);
    }

    [Fact]
    public async Task AnUnknownDatasetIdGets404()
    {
        var (_, key) = await Tenants.NewAsync(host);
        using var http = host.CreateHttpClient(key.Key);
        await Problems.AssertProblemAsync(await http.GetAsync("/api/datasets/ds-000000000000"), HttpStatusCode.NotFound, "not-found", "ds-000000000000");
    }

    [Fact]
    public async Task TenantIdsAreValidatedAndUnique()
    {
        using var admin = host.CreateHttpClient(host.AdminKey);
        await Problems.AssertProblemAsync(await admin.PostAsJsonAsync("/api/admin/tenants", new CreateTenantRequest("Bad Id!")), HttpStatusCode.BadRequest, "bad-tenant-id");
        var id = "dup-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/admin/tenants", new CreateTenantRequest(id))).StatusCode);
        await Problems.AssertProblemAsync(await admin.PostAsJsonAsync("/api/admin/tenants", new CreateTenantRequest(id)), HttpStatusCode.Conflict, "tenant-exists");
    }

    [Fact]
    public async Task HealthEndpointsAnswerWithoutAKey()
    {
        using var http = host.CreateHttpClient(key: null);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/openapi/v1.json")).StatusCode);
    }
}

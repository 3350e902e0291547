using System.Net.Http.Json;
using Transfer.Contracts.Tenants;

namespace Transfer.EndToEnd.Tests.Hosting;

/// <summary>Creates a fresh tenant with a key through the admin API, so each test owns its data.</summary>
public static class Tenants
{
    public static async Task<(string Tenant, IssuedKey Key)> NewAsync(TransferHostFixture host, Role role = Role.User)
    {
        using var admin = host.CreateHttpClient(host.AdminKey);
        var id = "t-" + Guid.NewGuid().ToString("N")[..12];
        (await admin.PostAsJsonAsync("/api/admin/tenants", new CreateTenantRequest(id))).EnsureSuccessStatusCode();
        var response = await admin.PostAsJsonAsync($"/api/admin/tenants/{id}/keys", new CreateKeyRequest(role, "e2e"));
        response.EnsureSuccessStatusCode();
        return (id, (await response.Content.ReadFromJsonAsync<IssuedKey>(Json.Options))!);
    }
}

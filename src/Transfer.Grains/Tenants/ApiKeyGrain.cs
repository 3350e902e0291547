using System.Security.Cryptography;
using System.Text;
using Transfer.Contracts.Tenants;

namespace Transfer.Grains.Tenants;

/// <inheritdoc cref="IApiKeyGrain"/>
public sealed class ApiKeyGrain([PersistentState("api-key", GrainStorage.Default)] IPersistentState<ApiKeyState> state, TimeProvider time) : Grain, IApiKeyGrain
{
    public async Task<ApiKeyInfo> IssueAsync(string tenant, Role role, string? name, string secretHash)
    {
        if (state.State.Info is not null)
        {
            throw new InvalidOperationException($"Key id '{this.GetPrimaryKeyString()}' is already taken.");
        }

        state.State.Info = new ApiKeyInfo(this.GetPrimaryKeyString(), tenant, role, name, time.GetUtcNow(), null);
        state.State.SecretHash = secretHash;
        await state.WriteStateAsync();
        return state.State.Info;
    }

    public Task<ApiKeyInfo?> VerifyAsync(string secretHash)
    {
        var ok = state.State is { Info.RevokedAt: null, SecretHash: { } stored }
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(secretHash));
        return Task.FromResult(ok ? state.State.Info : null);
    }

    public Task<ApiKeyInfo?> GetAsync() => Task.FromResult(state.State.Info);

    public async Task<ApiKeyInfo?> RevokeAsync()
    {
        if (state.State.Info is not { } info)
        {
            return null;
        }

        if (info.RevokedAt is null)
        {
            state.State.Info = info with { RevokedAt = time.GetUtcNow() };
            await state.WriteStateAsync();
        }

        return state.State.Info;
    }
}

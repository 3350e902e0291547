using Transfer.Contracts.Tenants;

namespace Transfer.Grains.Tenants;

/// <inheritdoc cref="ITenantGrain"/>
public sealed class TenantGrain([PersistentState("tenant", GrainStorage.Default)] IPersistentState<TenantState> state, TimeProvider time) : Grain, ITenantGrain
{
    public async Task<TenantInfo?> CreateAsync(string displayName)
    {
        if (state.RecordExists)
        {
            return null;
        }

        state.State = new TenantState { DisplayName = displayName, CreatedAt = time.GetUtcNow() };
        await state.WriteStateAsync();
        return Info();
    }

    public Task<TenantInfo?> GetAsync() => Task.FromResult(state.RecordExists ? Info() : null);

    public async Task RecordKeyAsync(ApiKeyInfo key)
    {
        state.State.Keys.RemoveAll(k => k.KeyId == key.KeyId);
        state.State.Keys.Add(key);
        await state.WriteStateAsync();
    }

    private TenantInfo Info() => new(this.GetPrimaryKeyString(), state.State.DisplayName ?? this.GetPrimaryKeyString(), state.State.CreatedAt, state.State.Keys.ToArray());
}

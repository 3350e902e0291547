using Transfer.Contracts.Datasets;

namespace Transfer.Grains.Datasets;

/// <inheritdoc cref="IDatasetGrain"/>
public sealed class DatasetGrain([PersistentState("dataset", GrainStorage.Default)] IPersistentState<DatasetState> state) : Grain, IDatasetGrain
{
    public Task<DatasetInfo?> GetAsync() =>
        Task.FromResult(state.State.Info is { Status: DatasetStatus.Ready } info ? info : null);

    public async Task CommitAsync(DatasetInfo info, bool entersKnowledgeBase = true)
    {
        if (state.State.Info is not null)
        {
            throw new InvalidOperationException($"Dataset '{this.GetPrimaryKeyString()}' already exists.");
        }

        state.State.Info = info;
        state.State.OutsideKnowledgeBase = !entersKnowledgeBase;
        await state.WriteStateAsync();
    }

    public Task<bool> EntersKnowledgeBaseAsync() => Task.FromResult(state.State.Info is not null && !state.State.OutsideKnowledgeBase);

    public async Task<DatasetInfo?> BeginDeleteAsync()
    {
        if (state.State.Info is not { } info)
        {
            return null;
        }

        if (info.Status != DatasetStatus.Deleting)
        {
            state.State.Info = info with { Status = DatasetStatus.Deleting };
            await state.WriteStateAsync();
        }

        return state.State.Info;
    }

    public async Task ForgetAsync()
    {
        await state.ClearStateAsync();
        state.State = new DatasetState();
    }
}

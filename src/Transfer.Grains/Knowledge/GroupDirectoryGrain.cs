using Transfer.Contracts.Knowledge;

namespace Transfer.Grains.Knowledge;

/// <inheritdoc cref="IGroupDirectoryGrain"/>
public sealed class GroupDirectoryGrain(
    [PersistentState("group-directory", GrainStorage.Default)] IPersistentState<GroupDirectoryState> state) : Grain, IGroupDirectoryGrain
{
    private GroupDirectoryState S => state.State;

    public Task<GroupDirectorySnapshot> GetAsync() =>
        Task.FromResult(new GroupDirectorySnapshot(S.Grouping, S.Datasets, S.ClusteredAt, S.NewSinceClustering));

    public async Task<int> NoteDatasetAsync()
    {
        S.NewSinceClustering++;
        await state.WriteStateAsync();
        return S.NewSinceClustering;
    }

    public async Task SetAsync(DatasetGrouping grouping, int datasets, DateTimeOffset at)
    {
        S.Grouping = grouping;
        S.Datasets = datasets;
        S.ClusteredAt = at;
        S.NewSinceClustering = 0;
        await state.WriteStateAsync();
    }
}

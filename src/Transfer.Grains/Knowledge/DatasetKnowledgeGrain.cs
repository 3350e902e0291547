using Transfer.Contracts.Knowledge;

namespace Transfer.Grains.Knowledge;

/// <inheritdoc cref="IDatasetKnowledgeGrain"/>
public sealed class DatasetKnowledgeGrain(
    [PersistentState("dataset-knowledge", GrainStorage.Default)] IPersistentState<DatasetKnowledgeState> state) : Grain, IDatasetKnowledgeGrain
{
    private DatasetKnowledgeState S => state.State;

    public Task<DatasetKnowledgeInfo?> GetAsync()
    {
        if (S.Status is not { } status)
        {
            return Task.FromResult<DatasetKnowledgeInfo?>(null);
        }

        var key = this.GetPrimaryKeyString();
        var dataset = key[(key.IndexOf('/', StringComparison.Ordinal) + 1)..];
        return Task.FromResult<DatasetKnowledgeInfo?>(new DatasetKnowledgeInfo(dataset, status, S.Vector, S.Assignment, S.Error, S.UpdatedAt, S.TransferScores));
    }

    public async Task MarkPendingAsync(DateTimeOffset at)
    {
        S.Status = DatasetKnowledgeStatus.Pending;
        S.Error = null;
        S.UpdatedAt = at;
        await state.WriteStateAsync();
    }

    public async Task CompleteAsync(MetaFeatureVector vector, GroupAssignment? assignment, IReadOnlyDictionary<string, double>? transferScores, DateTimeOffset at)
    {
        S.Status = DatasetKnowledgeStatus.Ready;
        S.Vector = vector;
        S.TransferScores = transferScores is null ? null : new Dictionary<string, double>(transferScores, StringComparer.Ordinal);
        S.Assignment = assignment;
        S.Error = null;
        S.UpdatedAt = at;
        await state.WriteStateAsync();
    }

    public async Task FailAsync(string error, DateTimeOffset at)
    {
        S.Status = DatasetKnowledgeStatus.Failed;
        S.Error = error;
        S.UpdatedAt = at;
        await state.WriteStateAsync();
    }

    public async Task ForgetAsync()
    {
        await state.ClearStateAsync();
        state.State = new DatasetKnowledgeState();
    }
}

using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Transfer.Contracts.Jobs;

namespace Transfer.Grains.Jobs;

/// <summary>
/// Finished trials live in records of their own (same storage provider, state name <c>study-trial-{n}</c> under the
/// study's grain id), written once, just before the study's state that first leaves them out. The study's state keeps the
/// open trials only, so a write costs the same at trial 10 and at trial 10,000; an activation reads the archive back.
/// </summary>
public sealed partial class StudyGrain
{
    private const int ArchiveBatch = 32;
    private readonly Dictionary<int, GrainState<TrialArchiveState>> _archive = [];
    private IGrainStorage? _storage;

    private IGrainStorage ArchiveStorage => _storage ??= ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Default);

    private static string ArchiveStateName(int trial) => $"study-trial-{trial}";

    private const string DefinitionStateName = "study-definition";

    /// <summary>Writes the request, dataset and plan once, to their own record (at start).</summary>
    private async Task StoreDefinitionAsync()
    {
        var record = new GrainState<StudyDefinitionState>(new StudyDefinitionState { Request = S.Request, Dataset = S.Dataset, Plan = S.Plan });
        try
        {
            await ArchiveStorage.WriteStateAsync(DefinitionStateName, GrainContext.GrainId, record);
        }
        catch (InconsistentStateException)
        {
            // Left by a job of the same id whose deletion was cut short: overwrite it.
            var old = new GrainState<StudyDefinitionState>(new StudyDefinitionState());
            await ArchiveStorage.ReadStateAsync(DefinitionStateName, GrainContext.GrainId, old);
            record.ETag = old.ETag;
            await ArchiveStorage.WriteStateAsync(DefinitionStateName, GrainContext.GrainId, record);
        }

        S.DefinitionStored = true;
    }

    /// <summary>
    /// Rebuilds the state from its records (on activation, before the engine is built): the definition, then the full trial
    /// list from the open trials and the archive.
    /// </summary>
    private async Task LoadArchiveAsync()
    {
        if (S.DefinitionStored && S.Request is null)
        {
            var definition = new GrainState<StudyDefinitionState>(new StudyDefinitionState());
            await ArchiveStorage.ReadStateAsync(DefinitionStateName, GrainContext.GrainId, definition);
            (S.Request, S.Dataset, S.Plan) = (definition.State?.Request, definition.State?.Dataset, definition.State?.Plan);
        }

        if (S.OpenTrials is not { } open)
        {
            return; // the older shape: every trial is in the list
        }

        var trials = new TrialEntry?[Math.Max(S.TrialCount, open.Length == 0 ? 0 : open.Max(t => t.Number) + 1)];
        foreach (var trial in open)
        {
            trials[trial.Number] = trial;
        }

        var archived = Enumerable.Range(0, trials.Length).Where(n => trials[n] is null);
        foreach (var batch in archived.Chunk(ArchiveBatch))
        {
            foreach (var (number, record) in await Task.WhenAll(batch.Select(async n => (n, await ReadArchiveAsync(n)))))
            {
                trials[number] = record.State?.Trial ?? new TrialEntry
                {
                    Number = number,
                    Status = TrialStatus.Failed,
                    StopReason = "its record was lost",
                };
            }
        }

        S.Trials = [.. trials.Select(t => t!)];
        S.OpenTrials = null;
    }

    /// <summary>Writes every trial that finished since the last write to its own record.</summary>
    private async Task ArchiveFinishedAsync()
    {
        List<Task>? writes = null;
        foreach (var trial in S.Trials)
        {
            if (!trial.IsActive && !trial.Archived)
            {
                (writes ??= []).Add(ArchiveAsync(trial));
            }
        }

        if (writes is not null)
        {
            await Task.WhenAll(writes);
        }
    }

    private async Task ArchiveAsync(TrialEntry trial)
    {
        var record = _archive.GetValueOrDefault(trial.Number) ?? new GrainState<TrialArchiveState>(new TrialArchiveState());
        record.State = new TrialArchiveState { Trial = trial };
        try
        {
            await ArchiveStorage.WriteStateAsync(ArchiveStateName(trial.Number), GrainContext.GrainId, record);
        }
        catch (InconsistentStateException)
        {
            // A record an earlier activation wrote but lost before its own state said so (or an earlier attempt's): overwrite it.
            record = await ReadArchiveAsync(trial.Number);
            record.State = new TrialArchiveState { Trial = trial };
            await ArchiveStorage.WriteStateAsync(ArchiveStateName(trial.Number), GrainContext.GrainId, record);
        }

        _archive[trial.Number] = record;
        trial.Archived = true;
    }

    private async Task<GrainState<TrialArchiveState>> ReadArchiveAsync(int trial)
    {
        var record = new GrainState<TrialArchiveState>(new TrialArchiveState());
        await ArchiveStorage.ReadStateAsync(ArchiveStateName(trial), GrainContext.GrainId, record);
        _archive[trial] = record;
        return record;
    }

    private async Task DeleteArchiveAsync()
    {
        // Every trial, not only the archived ones: a re-queued trial may have left the record of an earlier attempt.
        foreach (var batch in S.Trials.Chunk(ArchiveBatch))
        {
            await Task.WhenAll(batch.Select(async trial =>
            {
                var record = _archive.GetValueOrDefault(trial.Number) ?? await ReadArchiveAsync(trial.Number);
                if (record.RecordExists)
                {
                    await ArchiveStorage.ClearStateAsync(ArchiveStateName(trial.Number), GrainContext.GrainId, record);
                }
            }));
        }

        _archive.Clear();
        var definition = new GrainState<StudyDefinitionState>(new StudyDefinitionState());
        await ArchiveStorage.ReadStateAsync(DefinitionStateName, GrainContext.GrainId, definition);
        if (definition.RecordExists)
        {
            await ArchiveStorage.ClearStateAsync(DefinitionStateName, GrainContext.GrainId, definition);
        }
    }
}

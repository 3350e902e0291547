namespace Transfer.Contracts.Jobs;

/// <summary>
/// More budget for a job, which continues from its history (a finished or stopped one runs again). The extension is the
/// job's budget from now on, whichever limit is spent first: <see cref="AdditionalTrials"/> more trials than it has
/// started (a running job: more than its trial budget), <see cref="WallTimeSeconds"/> more from now, and
/// <see cref="DeviceHours"/> more device time than its trials have held. A limit left out is lifted; at least one is
/// needed. The job's request then shows the budget in force (its trial and device-hour totals, the wall time from the
/// extension).
/// </summary>
public sealed record ExtendJobRequest(int? AdditionalTrials = null, double? WallTimeSeconds = null, double? DeviceHours = null);

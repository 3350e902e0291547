using Transfer.Contracts.Curves;

namespace Transfer.Contracts.Jobs;

/// <summary>
/// One thing that happened in a job, numbered in order (<see cref="Id"/> starts at 1 and has no gaps, so a client that
/// resumes after <c>Last-Event-ID</c> sees every event once). <see cref="Kind"/> is one of <see cref="JobEventKinds"/>.
/// </summary>
public sealed record JobEvent(
    long Id,
    string Kind,
    DateTimeOffset At,
    int? Trial = null,
    TrialStatus? Status = null,
    CurveSample? Sample = null,
    CurveJudgement? Judgement = null,
    double? BestScore = null,
    string? Message = null);

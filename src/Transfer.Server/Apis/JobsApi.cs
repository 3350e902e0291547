using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Transfer.Contracts.Jobs;
using Transfer.Grains.Jobs;
using Transfer.Server.Auth;
using Transfer.Server.Jobs;
using Transfer.Server.Models;

namespace Transfer.Server.Apis;

/// <summary><c>/api/jobs</c>: start an auto-training job, read it and its trials, stop, extend, re-run failed trials, steer a trial, predict with a trial's model, delete.</summary>
public static class JobsApi
{
    public static RouteGroupBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/jobs").WithTags("Jobs").RequireAuthorization();
        group.MapPost("/", StartAsync).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/plan", async (CreateJobRequest request, ClaimsPrincipal user, JobService jobs, CancellationToken ct) => TypedResults.Ok(await jobs.DryRunAsync(user.Tenant(), request, ct)))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", async (ClaimsPrincipal user, JobService jobs, int? pageSize, string? continuationToken, CancellationToken ct) => TypedResults.Ok(await jobs.ListAsync(user.Tenant(), pageSize, continuationToken, ct)));
        group.MapGet("/{id}", async (string id, ClaimsPrincipal user, JobService jobs, CancellationToken ct) => TypedResults.Ok(await jobs.GetAsync(user.Tenant(), id, ct)));
        group.MapGet("/{id}/trials", async (string id, ClaimsPrincipal user, JobService jobs, CancellationToken ct) => TypedResults.Ok(await jobs.TrialsAsync(user.Tenant(), id, ct)));
        group.MapPost("/{id}/stop", async (string id, ClaimsPrincipal user, JobService jobs, CancellationToken ct) => TypedResults.Ok(await jobs.StopAsync(user.Tenant(), id, ct)));
        group.MapPost("/{id}/extend", async (string id, ExtendJobRequest request, ClaimsPrincipal user, JobService jobs, CancellationToken ct) => TypedResults.Ok(await jobs.ExtendAsync(user.Tenant(), id, request, ct)));
        group.MapPost("/{id}/rerun-failed", async (string id, ClaimsPrincipal user, JobService jobs, CancellationToken ct) => TypedResults.Ok(await jobs.RerunFailedAsync(user.Tenant(), id, ct)));
        group.MapPost("/{id}/trials/{trial:int}/predict", async (string id, int trial, HttpRequest request, ClaimsPrincipal user, ModelService models, CancellationToken ct) =>
            TypedResults.Ok(await models.PredictTrialAsync(user.Tenant(), id, trial, request, ct))).DisableAntiforgery().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/trials/{trial:int}/{command}", CommandAsync).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id}", async (string id, ClaimsPrincipal user, JobService jobs, CancellationToken ct) =>
        {
            await jobs.DeleteAsync(user.Tenant(), id, ct);
            return TypedResults.NoContent();
        });
        return group;
    }

    private static async Task<Created<JobInfo>> StartAsync(CreateJobRequest request, ClaimsPrincipal user, JobService jobs, CancellationToken cancellationToken)
    {
        var job = await jobs.StartAsync(user.Tenant(), request, cancellationToken);
        return TypedResults.Created($"/api/jobs/{job.Id}", job);
    }

    /// <summary><c>stop</c>, <c>pause</c>, <c>resume</c>, or <c>set?name=base_lr&amp;value=0.001</c>.</summary>
    private static async Task<NoContent> CommandAsync(string id, int trial, string command, string? name, double? value, ClaimsPrincipal user, JobService jobs, CancellationToken cancellationToken)
    {
        var trialCommand = command switch
        {
            "stop" or "pause" or "resume" => new TrialCommand(command),
            "set" when name is not null && value is not null && Transfer.Contracts.Training.SolverConfig.SettableNames.Contains(name) => new TrialCommand(name, value),
            _ => throw Problems.ApiProblemException.BadRequest("bad-command", $"Unknown trial command '{command}'. Use stop, pause, resume, or set?name=<{string.Join("|", Transfer.Contracts.Training.SolverConfig.SettableNames)}>&value=<number>."),
        };
        await jobs.CommandTrialAsync(user.Tenant(), id, trial, trialCommand, cancellationToken);
        return TypedResults.NoContent();
    }
}

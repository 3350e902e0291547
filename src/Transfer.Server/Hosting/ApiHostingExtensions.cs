using System.Text.Json.Serialization;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Transfer.Contracts.Tenants;
using Transfer.Server.Apis;
using Transfer.Server.Auth;
using Transfer.Server.Bootstrap;
using Transfer.Server.Dashboard;
using Transfer.Server.Datasets;
using Transfer.Server.Events;
using Transfer.Server.Options;
using Transfer.Server.Problems;
using Transfer.Server.Tenants;
using Transfer.Grains.Jobs;
using Transfer.Server.Jobs;
using Transfer.Server.Knowledge;
using Transfer.Server.Models;
using Transfer.Storage;

namespace Transfer.Server.Hosting;

/// <summary>Options, services and endpoints of the host.</summary>
public static class ApiHostingExtensions
{
    public static WebApplicationBuilder AddTransferOptions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TransferOptions>().BindConfiguration(TransferOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<TransferSiloOptions>().BindConfiguration(TransferSiloOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section);
        builder.Services.AddOptions<JobOptions>().BindConfiguration(JobOptions.Section);
        builder.Services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.Section).ValidateDataAnnotations().ValidateOnStart(); // knowledge base
        builder.Services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var limits = builder.Configuration.GetSection(LimitsOptions.Section).Get<LimitsOptions>() ?? new LimitsOptions();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = limits.MaxUploadBytes + (1 << 20));
        return builder;
    }

    public static WebApplicationBuilder AddTransferApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddTransferGrainServices();
        MathNet.Numerics.Control.UseSingleThread(); // small matrices: MathNet's parallel loops only slow GP asks down
        services.AddSingleton<DatasetInspector>();
        services.AddSingleton<DatasetUploadService>();
        services.AddSingleton<DatasetService>();
        services.AddSingleton<TenantService>();
        services.AddSingleton<JobIndexStore>();
        services.AddSingleton<JobPlanner>();
        services.AddSingleton<JobService>();
        services.AddSingleton<ModelService>();
        services.AddSingleton<JobEventFeed>();
        services.AddSingleton<WorkerStatistics>();
        services.AddSingleton<KnowledgeMapService>();
        services.AddHostedService<TorchStartup>();
        services.AddTransferKnowledge();
        services.AddHostedService<BootstrapService>();

        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // A body that does not bind (bad JSON, a wrong type) throws, so that ProblemExceptionHandler says what is wrong
        // and where; by default minimal APIs answer a bare 400 outside Development.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // A property the request type does not have (a typo such as 'trial' for 'trials', or another tool's name for a
        // setting) is refused, not ignored: ignored, the job would silently run with the default.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow);
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(TransferClaims.AdminPolicy, p => p.RequireRole(nameof(Role.Admin)));
        services.AddHealthChecks().AddCheck<ReadinessChecks>("silo-and-storage", tags: ["ready"]);
        services.AddOpenApi();
        return builder;
    }

    public static WebApplication UseTransferApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthApi();
        app.MapOpenApi();
        if (app.Services.GetRequiredService<IOptions<TransferOptions>>().Value.ServesApi)
        {
            app.MapDatasetsApi();
            app.MapAdminApi();
            app.MapJobsApi();
            app.MapModelsApi();
            app.MapEventsApi();
            app.MapWorkersApi();
            app.MapKnowledgeApi();
            app.UseTransferDashboard();
        }

        return app;
    }
}

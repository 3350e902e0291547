using Transfer.Grains.Jobs;

namespace Transfer.Server.Knowledge;

/// <summary>Registers the knowledge base: its store, queue and background worker, the job advice and the study's outcome sink.</summary>
public static class KnowledgeServiceExtensions
{
    public static IServiceCollection AddTransferKnowledge(this IServiceCollection services)
    {
        services.AddSingleton<KnowledgeStore>();
        services.AddSingleton<KnowledgeQueue>();
        services.AddSingleton<KnowledgeIndex>();
        services.AddSingleton<MetaFeatureService>();
        services.AddSingleton<BenchmarkBackbones>();
        services.AddSingleton<GroupingService>();
        services.AddSingleton<KnowledgeService>();
        services.AddSingleton<BenchmarkModelService>();
        services.AddSingleton<KnowledgeBase>();
        services.AddSingleton<IKnowledgeBase>(sp => sp.GetRequiredService<KnowledgeBase>());
        services.AddSingleton<IJobOutcomeSink>(sp => sp.GetRequiredService<KnowledgeBase>());
        services.AddSingleton<GroupBenchmarkService>();
        services.AddHostedService<KnowledgeWorker>();
        services.AddHostedService<GroupBenchmarkWatcher>();
        return services;
    }
}

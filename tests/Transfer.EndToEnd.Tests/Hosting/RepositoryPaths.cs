namespace Transfer.EndToEnd.Tests.Hosting;

/// <summary>Paths inside the repository, found from the test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SeedDataset(string name) => Path.Combine(Root, "knowledge-base-seeds", "datasets", name);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Transfer.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException($"No Transfer.sln above {AppContext.BaseDirectory}.");
    }
}

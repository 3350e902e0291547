namespace Transfer.Client.Tests;

/// <summary>Finds the repository's knowledge-base-seeds folder from the test's output directory.</summary>
internal static class SeedData
{
    public static string Root { get; } = FindRoot();

    public static string Dataset(string name) => Path.Combine(Root, "knowledge-base-seeds", "datasets", name);

    public static string File(string dataset, string file) => Path.Combine(Dataset(dataset), file);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "Transfer.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException($"No Transfer.sln above {AppContext.BaseDirectory}.");
    }
}

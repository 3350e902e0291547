namespace Transfer.Data.Tests;

/// <summary>Finds the repository's knowledge-base-seeds folder from the test's output directory.</summary>
internal static class SeedData
{
    public static string Root { get; } = FindRoot();

    public static string Dataset(string name) => Path.Combine(Root, "knowledge-base-seeds", "datasets", name);

    public static FileStream Open(string dataset, string file) => File.OpenRead(Path.Combine(Dataset(dataset), file));

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

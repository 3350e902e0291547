namespace Transfer.Search.Tests;

internal static class RepoPaths
{
    /// <summary>The repository root: the first ancestor of the test binaries that holds Transfer.sln.</summary>
    public static string Root { get; } = Find();

    public static string EvolutionPlugin => Path.Combine(Root, "tools", "plugins", "python", "evolution_sampler.py");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Transfer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Transfer.sln not found above " + AppContext.BaseDirectory);
    }
}

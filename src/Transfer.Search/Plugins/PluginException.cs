namespace Transfer.Search.Plugins;

/// <summary>A user plugin failed; <see cref="Failure"/> says how. The study marks the trial failed and never waits on it.</summary>
public sealed class PluginException : Exception
{
    public PluginException()
    {
    }

    public PluginException(string message)
        : base(message)
    {
    }

    public PluginException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PluginException(PluginFailure failure, string message, Exception? innerException = null)
        : base($"Plugin {failure}: {message}", innerException)
    {
        Failure = failure;
    }

    public PluginFailure Failure { get; } = PluginFailure.Crashed;
}

namespace Transfer.Search.Plugins;

/// <summary>How a plugin failed.</summary>
public enum PluginFailure
{
    /// <summary>Could not be found or loaded (missing assembly/type, process would not start).</summary>
    LoadFailed,

    /// <summary>The process exited (or the assembly threw) while answering.</summary>
    Crashed,

    /// <summary>No answer within the timeout; the process was killed.</summary>
    TimedOut,

    /// <summary>The answer was not valid protocol or not a configuration of the space.</summary>
    Garbage,

    /// <summary>The plugin answered with an error message.</summary>
    Reported,
}

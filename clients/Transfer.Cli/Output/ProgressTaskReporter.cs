using Spectre.Console;

namespace Transfer.Cli.Output;

/// <summary>Feeds byte counts into a Spectre progress task; a late report never moves the bar backwards.</summary>
public sealed class ProgressTaskReporter(ProgressTask task) : IProgress<long>
{
    public void Report(long value)
    {
        if (value > task.Value)
        {
            task.Value = value;
        }
    }
}

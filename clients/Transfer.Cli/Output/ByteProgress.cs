using Spectre.Console;

namespace Transfer.Cli.Output;

/// <summary>The progress display for uploads and downloads: description, bar, bytes done, speed, time left.</summary>
public static class ByteProgress
{
    public static Progress For(IAnsiConsole console) => console.Progress()
        .AutoClear(false)
        .Columns(
            new TaskDescriptionColumn(),
            new ProgressBarColumn(),
            new PercentageColumn(),
            new DownloadedColumn(),
            new TransferSpeedColumn(),
            new RemainingTimeColumn());
}

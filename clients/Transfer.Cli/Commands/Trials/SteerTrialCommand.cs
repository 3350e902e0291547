using Spectre.Console;
using Transfer.Cli.Output;
using Transfer.Cli.Settings;
using Transfer.Client;

namespace Transfer.Cli.Commands.Trials;

/// <summary><c>transfer trials stop|pause|resume &lt;job&gt; &lt;trial&gt;</c>: the verb is the data the command was registered with.</summary>
public sealed class SteerTrialCommand(CliServices services) : TransferCommand<TrialsSettings.Command>(services)
{
    protected override async Task<int> RunAsync(TransferClient client, TrialsSettings.Command settings, CancellationToken cancellationToken)
    {
        var verb = (string)Context.Data!;
        var task = verb switch
        {
            "stop" => client.Jobs.StopTrialAsync(settings.Job, settings.Trial, cancellationToken),
            "pause" => client.Jobs.PauseTrialAsync(settings.Job, settings.Trial, cancellationToken),
            "resume" => client.Jobs.ResumeTrialAsync(settings.Job, settings.Trial, cancellationToken),
            _ => throw new CliUsageException($"Unknown trial command '{verb}'."),
        };
        await task.ConfigureAwait(false);
        Report(settings, verb);
        return ExitCodes.Success;
    }

    private void Report(TrialsSettings.Command settings, string verb)
    {
        if (settings.Json)
        {
            CliJson.Write(Services.Json, new { job = settings.Job, trial = settings.Trial, command = verb });
        }
        else
        {
            Services.Out.WriteLine($"Sent {verb} to trial {settings.Trial} of {settings.Job}.");
        }
    }
}

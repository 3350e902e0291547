using System.Globalization;
using Spectre.Console;
using Transfer.Cli.Output;
using Transfer.Cli.Settings;
using Transfer.Client;

namespace Transfer.Cli.Commands.Trials;

/// <summary><c>transfer trials set &lt;job&gt; &lt;trial&gt; base_lr=0.001</c>: changes a solver value of a running trial.</summary>
public sealed class SetTrialValueCommand(CliServices services) : TransferCommand<TrialsSettings.Set>(services)
{
    protected override async Task<int> RunAsync(TransferClient client, TrialsSettings.Set settings, CancellationToken cancellationToken)
    {
        var (name, value) = settings.Parsed;
        await client.Jobs.SetTrialValueAsync(settings.Job, settings.Trial, name, value, cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            CliJson.Write(Services.Json, new { job = settings.Job, trial = settings.Trial, command = "set", name, value });
        }
        else
        {
            Services.Out.WriteLine($"Set {name}={value.ToString(CultureInfo.InvariantCulture)} on trial {settings.Trial} of {settings.Job}.");
        }

        return ExitCodes.Success;
    }
}

using Spectre.Console;
using Transfer.Cli.Output;
using Transfer.Cli.Settings;
using Transfer.Client;

namespace Transfer.Cli.Commands.Keys;

/// <summary><c>transfer keys create --tenant &lt;id&gt; [--role] [--name]</c> (admin key): prints the new secret, shown only once.</summary>
public sealed class CreateKeyCommand(CliServices services) : TransferCommand<KeysSettings.Create>(services)
{
    protected override async Task<int> RunAsync(TransferClient client, KeysSettings.Create settings, CancellationToken cancellationToken)
    {
        var issued = await client.Admin.CreateKeyAsync(settings.Tenant, settings.ParsedRole, settings.Name, cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            CliJson.Write(Services.Json, issued);
            return ExitCodes.Success;
        }

        Services.Out.MarkupLine($"[green]Issued[/] {issued.Info.Role} key [bold]{Markup.Escape(issued.Info.KeyId)}[/] for tenant {Markup.Escape(issued.Info.Tenant)}.");
        Services.Out.MarkupLine("[yellow]The secret is shown only now; store it:[/]");
        Services.Out.WriteLine(issued.Key);
        return ExitCodes.Success;
    }
}

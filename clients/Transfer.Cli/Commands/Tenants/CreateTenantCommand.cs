using Spectre.Console;
using Transfer.Cli.Output;
using Transfer.Cli.Settings;
using Transfer.Client;

namespace Transfer.Cli.Commands.Tenants;

/// <summary><c>transfer tenants create &lt;id&gt; [--display-name]</c> (admin key).</summary>
public sealed class CreateTenantCommand(CliServices services) : TransferCommand<TenantsSettings.Create>(services)
{
    protected override async Task<int> RunAsync(TransferClient client, TenantsSettings.Create settings, CancellationToken cancellationToken)
    {
        var tenant = await client.Admin.CreateTenantAsync(settings.Id, settings.DisplayName, cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            CliJson.Write(Services.Json, tenant);
        }
        else
        {
            Services.Out.MarkupLine($"[green]Created[/] tenant [bold]{Markup.Escape(tenant.Id)}[/]. Issue it a key with `transfer keys create --tenant {Markup.Escape(tenant.Id)}`.");
        }

        return ExitCodes.Success;
    }
}

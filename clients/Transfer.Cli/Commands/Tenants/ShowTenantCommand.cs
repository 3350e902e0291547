using Transfer.Cli.Output;
using Transfer.Cli.Settings;
using Transfer.Client;

namespace Transfer.Cli.Commands.Tenants;

/// <summary><c>transfer tenants show &lt;id&gt;</c> (admin key): the tenant and its keys' ids, roles and revocations.</summary>
public sealed class ShowTenantCommand(CliServices services) : TransferCommand<TenantsSettings.ById>(services)
{
    protected override async Task<int> RunAsync(TransferClient client, TenantsSettings.ById settings, CancellationToken cancellationToken)
    {
        var tenant = await client.Admin.GetTenantAsync(settings.Id, cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            CliJson.Write(Services.Json, tenant);
        }
        else
        {
            Services.Out.Write(TenantView.Details(tenant));
        }

        return ExitCodes.Success;
    }
}

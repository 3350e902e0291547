using Spectre.Console;
using Transfer.Cli.Output;
using Transfer.Cli.Settings;
using Transfer.Client;

namespace Transfer.Cli.Commands.Keys;

/// <summary><c>transfer keys revoke &lt;keyId&gt;</c> (admin key): requests with that key get 401 from then on.</summary>
public sealed class RevokeKeyCommand(CliServices services) : TransferCommand<KeysSettings.Revoke>(services)
{
    protected override async Task<int> RunAsync(TransferClient client, KeysSettings.Revoke settings, CancellationToken cancellationToken)
    {
        await client.Admin.RevokeKeyAsync(settings.KeyId, cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            CliJson.Write(Services.Json, new { keyId = settings.KeyId, revoked = true });
        }
        else
        {
            Services.Out.MarkupLine($"[green]Revoked[/] key {Markup.Escape(settings.KeyId)}.");
        }

        return ExitCodes.Success;
    }
}

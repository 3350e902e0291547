using Spectre.Console;
using Transfer.Cli.Settings;
using Transfer.Client;

namespace Transfer.Cli.Commands.Knowledge;

/// <summary><c>transfer kb recluster</c>: asks the server to re-cluster the knowledge base in the background (admin key).</summary>
public sealed class ReclusterCommand(CliServices services) : TransferCommand<KnowledgeSettings>(services)
{
    protected override async Task<int> RunAsync(TransferClient client, KnowledgeSettings settings, CancellationToken cancellationToken)
    {
        await client.Knowledge.RequestReclusterAsync(cancellationToken).ConfigureAwait(false);
        Services.Out.MarkupLine("Re-clustering queued; see `transfer groups`.");
        return ExitCodes.Success;
    }
}

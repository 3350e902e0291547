using Transfer.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await TransferCli.RunAsync(args, CliServices.FromProcess(), cancellation.Token);

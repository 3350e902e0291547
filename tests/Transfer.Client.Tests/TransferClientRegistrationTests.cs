using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Transfer.Client.DependencyInjection;

namespace Transfer.Client.Tests;

public sealed class TransferClientRegistrationTests
{
    [Fact]
    public void AddTransferClientResolvesAClientForTheConfiguredEndpoint()
    {
        var services = new ServiceCollection();
        services.AddTransferClient(o =>
        {
            o.Endpoint = new Uri("http://transfer.test:5080");
            o.ApiKey = "k";
        });
        using var provider = services.BuildServiceProvider();

        using var client = provider.GetRequiredService<TransferClient>();

        Assert.Equal(new Uri("http://transfer.test:5080"), client.Endpoint);
    }

    [Fact]
    public void OptionsWithoutAKeyFailValidation()
    {
        var services = new ServiceCollection();
        services.AddTransferClient(o => o.Endpoint = new Uri("http://transfer.test:5080"));
        using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<TransferClient>());
    }

    [Fact]
    public void TheClientWithoutDiRefusesAMissingEndpoint() =>
        Assert.Throws<ArgumentException>(() => new TransferClient(new TransferClientOptions { ApiKey = "k" }));
}

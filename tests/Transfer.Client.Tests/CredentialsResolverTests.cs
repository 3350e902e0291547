using Transfer.Cli;
using Transfer.Cli.Credentials;

namespace Transfer.Client.Tests;

public sealed class CredentialsResolverTests
{
    private const string FileJson = """{ "url": "http://127.0.0.1:5999", "key": "file-key" }""";

    [Fact]
    public void OptionsWinOverEnvironmentAndFile()
    {
        using var home = new TempFolder();
        home.Write(".transfer/credentials.json", FileJson);
        var resolver = Resolver(home.Path, ("TRANSFER_URL", "http://env:1"), ("TRANSFER_API_KEY", "env-key"));

        var resolved = resolver.Resolve("http://option:2", "option-key");

        Assert.Equal(new ResolvedCredentials(new Uri("http://option:2"), "option-key", "option", "option"), resolved);
    }

    [Fact]
    public void EnvironmentWinsOverTheFile()
    {
        using var home = new TempFolder();
        home.Write(".transfer/credentials.json", FileJson);
        var resolver = Resolver(home.Path, ("TRANSFER_URL", "http://env:1"), ("TRANSFER_API_KEY", "env-key"));

        var resolved = resolver.Resolve(null, null);

        Assert.Equal(new ResolvedCredentials(new Uri("http://env:1"), "env-key", "TRANSFER_URL", "TRANSFER_API_KEY"), resolved);
    }

    [Fact]
    public void TheFileUnderHomeIsUsedLastAndEachValueResolvesOnItsOwn()
    {
        using var home = new TempFolder();
        var path = home.Write(".transfer/credentials.json", FileJson);
        var resolver = Resolver(home.Path, ("TRANSFER_URL", "http://env:1"));

        var resolved = resolver.Resolve(null, null);

        Assert.Equal(new ResolvedCredentials(new Uri("http://env:1"), "file-key", "TRANSFER_URL", path), resolved);
    }

    [Fact]
    public void TransferCredentialsNamesAnotherFile()
    {
        using var home = new TempFolder();
        home.Write(".transfer/credentials.json", """{ "url": "http://home:1", "key": "home-key" }""");
        var elsewhere = home.Write("elsewhere/creds.json", FileJson);
        var resolver = Resolver(home.Path, ("TRANSFER_CREDENTIALS", elsewhere));

        var resolved = resolver.Resolve(null, null);

        Assert.Equal(new Uri("http://127.0.0.1:5999"), resolved.Url);
        Assert.Equal("file-key", resolved.Key);
        Assert.Equal(elsewhere, resolver.CredentialsPath);
    }

    [Fact]
    public void WithoutAnyUrlTheLocalServerIsAssumed()
    {
        using var home = new TempFolder();
        var resolved = Resolver(home.Path).Resolve(null, "k");

        Assert.Equal(CredentialsResolver.DefaultUrl, resolved.Url);
        Assert.Equal("default", resolved.UrlSource);
    }

    [Fact]
    public void AMissingKeyIsAUsageErrorThatSaysWhereToPutOne()
    {
        using var home = new TempFolder();
        var resolver = Resolver(home.Path);

        var e = Assert.Throws<CliUsageException>(() => resolver.Resolve("http://x:1", null));

        Assert.Contains("--key", e.Message, StringComparison.Ordinal);
        Assert.Contains("TRANSFER_API_KEY", e.Message, StringComparison.Ordinal);
        Assert.Contains(resolver.CredentialsPath, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("[1, 2]")]
    public void AMalformedCredentialsFileIsAUsageError(string content)
    {
        using var home = new TempFolder();
        home.Write(".transfer/credentials.json", content);

        var e = Assert.Throws<CliUsageException>(() => Resolver(home.Path).Resolve(null, null));

        Assert.Contains("credentials.json", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost:5080")]
    [InlineData("ftp://host/")]
    public void AUrlThatIsNotHttpIsRefused(string url)
    {
        using var home = new TempFolder();

        var e = Assert.Throws<CliUsageException>(() => Resolver(home.Path).Resolve(url, "k"));

        Assert.Contains(url, e.Message, StringComparison.Ordinal);
    }

    private static CredentialsResolver Resolver(string home, params (string Name, string Value)[] variables)
    {
        var environment = variables.ToDictionary(v => v.Name, v => v.Value);
        return new CredentialsResolver(name => environment.GetValueOrDefault(name), home);
    }
}

using Transfer.Server.Paging;
using Transfer.Server.Problems;

namespace Transfer.EndToEnd.Tests;

/// <summary>A list's continuation tokens carry storage's marker back unchanged and are refused by any other list.</summary>
public sealed class PageTokenTests
{
    [Theory]
    [InlineData("2!84!MDAwMDE5IXRlbmFudC0xL2pvYi0wMSEwMDAwMjghOTk5OS0xMi0zMVQyMzo1OTo1OS45OTk5OTk5WiE-")]
    [InlineData("tenant-1/job-01")]
    [InlineData("a marker with\\nnew lines, ünïcode and = + / signs")]
    public void StoragesMarkerComesBackUnchanged(string marker)
    {
        var token = PageToken.Wrap("jobs:tenant-1", marker);

        Assert.NotNull(token);
        Assert.Matches("^[A-Za-z0-9_-]+$", token); // safe in a query string as it is
        Assert.Equal(marker, PageToken.Unwrap("jobs:tenant-1", token));
    }

    [Fact]
    public void NoMarkerIsNoTokenAndNoTokenIsTheFirstPage()
    {
        Assert.Null(PageToken.Wrap("jobs:t", null));
        Assert.Null(PageToken.Wrap("jobs:t", string.Empty));
        Assert.Null(PageToken.Unwrap("jobs:t", null));
        Assert.Null(PageToken.Unwrap("jobs:t", string.Empty));
    }

    [Theory]
    [InlineData("datasets:tenant-1")] // another list
    [InlineData("jobs:tenant-2")] // another tenant's
    [InlineData("jobs:tenant-10")]
    public void ATokenOfAnotherListIsRefused(string list)
    {
        var token = PageToken.Wrap(list, "tenant-1/job-01");

        var problem = Assert.Throws<ApiProblemException>(() => PageToken.Unwrap("jobs:tenant-1", token));
        Assert.Equal(400, problem.Status);
        Assert.Equal("bad-continuation-token", problem.Code);
    }

    [Theory]
    [InlineData("garbage")] // decodes, but to bytes that are no token
    [InlineData("not base64!")]
    [InlineData("_w")]
    [InlineData("dGVuYW50LTEvam9iLTAx")] // a bare marker, as blob storage hands it out
    public void ATokenThatIsNoTokenIsRefused(string token)
    {
        var problem = Assert.Throws<ApiProblemException>(() => PageToken.Unwrap("jobs:tenant-1", token));
        Assert.Equal("bad-continuation-token", problem.Code);
    }

    [Fact]
    public void ATokenCutShortOrChangedIsRefused()
    {
        var token = PageToken.Wrap("jobs:tenant-1", "tenant-1/job-01")!;
        var changed = (token[0] == 'A' ? 'B' : 'A') + token[1..];

        foreach (var bad in new[] { token[..^1], token[..^4], token[4..], changed })
        {
            Assert.Throws<ApiProblemException>(() => PageToken.Unwrap("jobs:tenant-1", bad));
        }
    }
}

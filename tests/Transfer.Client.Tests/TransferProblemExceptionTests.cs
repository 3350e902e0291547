using System.Net;
using Transfer.Client.Datasets;
using Transfer.Client.Problems;

namespace Transfer.Client.Tests;

public sealed class TransferProblemExceptionTests
{
    [Fact]
    public async Task AProblemResponseBecomesATypedExceptionWithCodeTitleAndDetail()
    {
        var handler = new CannedProblemHandler(HttpStatusCode.BadRequest,
            CannedProblemHandler.Problem(400, "csv-ragged-row", "The CSV is ragged", "Row 17 has 4 cells, the header has 5."));
        using var client = Client(handler);

        var e = await Assert.ThrowsAsync<TransferProblemException>(() => client.Datasets.GetAsync("iris"));

        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Equal("csv-ragged-row", e.Code);
        Assert.Equal("urn:transfer:problem:csv-ragged-row", e.Problem.Type);
        Assert.Equal("The CSV is ragged", e.Problem.Title);
        Assert.Equal("Row 17 has 4 cells, the header has 5.", e.Problem.Detail);
        Assert.True(e.IsClientError);
        Assert.Contains("csv-ragged-row", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401, "unauthorized")]
    [InlineData(403, "forbidden")]
    [InlineData(404, "dataset-not-found")]
    public async Task UnauthorizedForbiddenAndNotFoundAreTold(int status, string code)
    {
        var handler = new CannedProblemHandler((HttpStatusCode)status, CannedProblemHandler.Problem(status, code, "No", "Nope."));
        using var client = Client(handler);

        var e = await Assert.ThrowsAsync<TransferProblemException>(() => client.Admin.GetTenantAsync("acme"));

        Assert.Equal(status, e.Problem.Status);
        Assert.Equal(status == 401, e.IsUnauthorized);
        Assert.Equal(status == 403, e.IsForbidden);
        Assert.Equal(status == 404, e.IsNotFound);
        Assert.Equal(code, e.Code);
    }

    [Fact]
    public async Task TheCodeFallsBackToTheTypeSuffixAndValidationErrorsAreKept()
    {
        const string body = """
            {"type":"urn:transfer:problem:validation","title":"Invalid request","status":400,
             "errors":{"id":["Must be 3-40 characters.","Lower-case only."],"displayName":["Too long."]}}
            """;
        using var client = Client(new CannedProblemHandler(HttpStatusCode.BadRequest, body));

        var e = await Assert.ThrowsAsync<TransferProblemException>(() => client.Admin.CreateTenantAsync("A"));

        Assert.Equal("validation", e.Code);
        Assert.Null(e.Problem.Detail);
        Assert.Equal(["Must be 3-40 characters.", "Lower-case only."], e.Problem.Errors!["id"]);
        Assert.Equal(["Too long."], e.Problem.Errors["displayName"]);
    }

    [Fact]
    public async Task AnErrorWithoutAProblemBodyBecomesAProblemFromTheStatusLine()
    {
        var handler = new CannedProblemHandler(HttpStatusCode.BadGateway, "<html>upstream down</html>", "text/html");
        using var client = Client(handler);

        var e = await Assert.ThrowsAsync<TransferProblemException>(() => client.Datasets.DeleteAsync("iris"));

        Assert.Equal(HttpStatusCode.BadGateway, e.StatusCode);
        Assert.Null(e.Code);
        Assert.Equal("Bad Gateway", e.Problem.Title);
        Assert.Equal("<html>upstream down</html>", e.Problem.Detail);
        Assert.False(e.IsClientError);
    }

    [Fact]
    public async Task OpeningAMissingPartThrowsTheProblemInsteadOfReturningItsBody()
    {
        var handler = new CannedProblemHandler(HttpStatusCode.NotFound, CannedProblemHandler.Problem(404, "part-not-found", "No such part", "Dataset d1 has no part labels."));
        using var client = Client(handler);

        var e = await Assert.ThrowsAsync<TransferProblemException>(() => client.Datasets.OpenPartAsync("d1", "labels"));

        Assert.True(e.IsNotFound);
        Assert.Equal("part-not-found", e.Code);
    }

    [Fact]
    public async Task EveryRequestCarriesTheApiKeyHeaderAndEscapesIds()
    {
        var handler = new CannedProblemHandler(HttpStatusCode.NotFound, CannedProblemHandler.Problem(404, "dataset-not-found", "No", "No."));
        using var client = Client(handler);

        await Assert.ThrowsAsync<TransferProblemException>(() => client.Datasets.GetAsync("a b/c"));

        var request = Assert.Single(handler.Seen);
        Assert.Equal(["secret-key"], request.Headers.GetValues("X-Api-Key"));
        Assert.Equal("/api/datasets/a%20b%2Fc", request.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task AFailedGetIsRetriedButAnUploadIsSentOnce()
    {
        var options = Options();
        options.MaxRetries = 2;
        var handler = new CannedProblemHandler(HttpStatusCode.ServiceUnavailable, CannedProblemHandler.Problem(503, "unavailable", "Busy", "Try later."));
        using var client = new TransferClient(new HttpClient(Internal.TransferResilience.CreateHandler(options, handler)), options);

        await Assert.ThrowsAsync<TransferProblemException>(() => client.Datasets.GetAsync("iris"));
        Assert.Equal(3, handler.Requests);

        using var data = new MemoryStream("a,label\n1,x\n"u8.ToArray());
        var e = await Assert.ThrowsAsync<TransferProblemException>(() => client.Datasets.UploadAsync(DatasetUpload.Csv("tiny", data, "label")));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, e.StatusCode);
        Assert.Equal(4, handler.Requests);
    }

    [Fact]
    public async Task AClientErrorIsNotRetried()
    {
        var options = Options();
        options.MaxRetries = 3;
        var handler = new CannedProblemHandler(HttpStatusCode.NotFound, CannedProblemHandler.Problem(404, "dataset-not-found", "No", "No."));
        using var client = new TransferClient(new HttpClient(Internal.TransferResilience.CreateHandler(options, handler)), options);

        await Assert.ThrowsAsync<TransferProblemException>(() => client.Datasets.GetAsync("iris"));

        Assert.Equal(1, handler.Requests);
    }

    private static TransferClient Client(HttpMessageHandler handler) => new(new HttpClient(handler), Options());

    private static TransferClientOptions Options() => new()
    {
        Endpoint = new Uri("http://transfer.test"),
        ApiKey = "secret-key",
        RetryDelay = TimeSpan.Zero,
    };
}

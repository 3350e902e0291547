using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Transfer.Contracts.Tenants;
using Transfer.Grains.Tenants;
using Transfer.Server.Dashboard;
using Transfer.Server.Problems;

namespace Transfer.Server.Auth;

/// <summary>
/// Authenticates the <c>X-Api-Key</c> header against the key's grain (under <c>/dashboard/cluster</c> only, the
/// dashboard's HttpOnly cookie too, see <see cref="DashboardSession"/>); answers 401/403 as problem details.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IGrainFactory grains,
    IProblemDetailsService problems) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = Request.Headers.TryGetValue(ApiKeyHeader.Name, out var values) && values.Count > 0 ? values[0]
            : DashboardSession.AcceptsCookie(Request) ? Request.Cookies[DashboardSession.CookieName]
            : null;
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiKeys.TryParse(key, out var keyId, out var secret))
        {
            return AuthenticateResult.Fail("malformed key");
        }

        var info = await grains.GetGrain<IApiKeyGrain>(keyId).VerifyAsync(ApiKeys.Hash(secret));
        if (info is null)
        {
            return AuthenticateResult.Fail("unknown or revoked key");
        }

        Claim[] claims =
        [
            new(TransferClaims.TenantClaim, info.Tenant),
            new(TransferClaims.KeyIdClaim, info.KeyId),
            new(ClaimTypes.Role, info.Role.ToString()),
            new(ClaimTypes.Name, info.Name ?? info.KeyId),
        ];
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var present = Request.Headers.ContainsKey(ApiKeyHeader.Name) || (DashboardSession.AcceptsCookie(Request) && Request.Cookies.ContainsKey(DashboardSession.CookieName));
        await WriteAsync(
            StatusCodes.Status401Unauthorized,
            present ? "invalid-api-key" : "missing-api-key",
            present ? "The API key is not valid" : "An API key is required",
            present
                ? $"The {ApiKeyHeader.Name} header holds a key that is unknown, malformed or revoked. Ask an admin for a new key."
                : $"Send your API key in the {ApiKeyHeader.Name} header. The embedded server writes an admin key to ~/.transfer/credentials.json on first start.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteAsync(StatusCodes.Status403Forbidden, "admin-only", "This route needs an admin key", "Your key has the user role; tenant and key management and the cluster view need an admin key.");

    private async Task WriteAsync(int status, string code, string title, string detail)
    {
        Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = ProblemFactory.Create(status, code, title, detail, Request.Path),
        });
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.FileProviders;
using Transfer.Contracts.Knowledge;
using Orleans.Dashboard;
using Transfer.Server.Auth;

namespace Transfer.Server.Dashboard;

/// <summary>
/// <c>/dashboard</c>: the web dashboard's page and scripts (embedded in this assembly, chart.js from npm included), the
/// sign-in session, and the Orleans Dashboard's cluster view at <c>/dashboard/cluster</c> for admin keys only.
/// </summary>
public static class DashboardEndpoints
{
    public const string Path = "/dashboard";

    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static WebApplication UseTransferDashboard(this WebApplication app)
    {
        var files = new EmbeddedFileProvider(typeof(DashboardEndpoints).Assembly, "dashboard");
        app.UseWhen(c => c.Request.Path.StartsWithSegments(Path, StringComparison.Ordinal), branch => branch
            .Use(async (context, next) =>
            {
                // The pages' relative links need the trailing slash (routing alone treats /dashboard and /dashboard/ alike).
                var path = context.Request.Path.Value;
                if (path is Path or DashboardSession.ClusterPath)
                {
                    context.Response.Redirect(path + "/" + context.Request.QueryString);
                    return;
                }

                if (!DashboardSession.AcceptsCookie(context.Request))
                {
                    context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                    context.Response.Headers.XContentTypeOptions = "nosniff";
                    context.Response.Headers.CacheControl = "no-cache";
                }

                await next(context);
            })
            .UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = Path })
            .UseStaticFiles(new StaticFileOptions { FileProvider = files, RequestPath = Path }));

        var session = app.MapGroup(Path + "/session").WithTags("Dashboard").RequireAuthorization();
        session.MapPost("/", SignIn);
        session.MapDelete("/", SignOut);

        app.MapGet("/api/knowledge/map", async Task<Ok<KnowledgeMap>> (ClaimsPrincipal user, KnowledgeMapService map, CancellationToken ct) =>
            TypedResults.Ok(await map.GetAsync(user.Tenant(), ct))).WithTags("Knowledge").RequireAuthorization();

        app.MapOrleansDashboard(DashboardSession.ClusterPath).RequireAuthorization(TransferClaims.AdminPolicy).ExcludeFromDescription();
        return app;
    }

    /// <summary>Checks the header's key and gives the browser the cluster view's cookie (see <see cref="DashboardSession"/>).</summary>
    private static DashboardSessionInfo SignIn(HttpContext context, ClaimsPrincipal user)
    {
        var key = context.Request.Headers[Transfer.Contracts.Tenants.ApiKeyHeader.Name].ToString();
        context.Response.Cookies.Append(DashboardSession.CookieName, key, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = DashboardSession.ClusterPath,
            IsEssential = true,
        });
        return new DashboardSessionInfo(user.Tenant(), user.IsAdmin() ? "admin" : "user", user.Identity?.Name ?? "", user.IsAdmin());
    }

    private static IResult SignOut(HttpContext context)
    {
        context.Response.Cookies.Delete(DashboardSession.CookieName, new CookieOptions { Path = DashboardSession.ClusterPath });
        return TypedResults.NoContent();
    }
}

namespace Transfer.Server.Dashboard;

/// <summary>
/// The one place a browser's API key travels in a cookie: the Orleans Dashboard under <see cref="ClusterPath"/> is a
/// third-party page whose own requests cannot carry the <c>X-Api-Key</c> header. The dashboard page asks for this
/// cookie after sign-in (<c>POST /dashboard/session</c> with the header); it is HttpOnly, SameSite=Strict, scoped to
/// <see cref="ClusterPath"/>, and the key handler reads it nowhere else, so the API routes still need the header.
/// </summary>
public static class DashboardSession
{
    public const string CookieName = "transfer-cluster-key";

    public const string ClusterPath = "/dashboard/cluster";

    /// <summary>True for requests the cluster cookie may authenticate.</summary>
    public static bool AcceptsCookie(HttpRequest request) => request.Path.StartsWithSegments(ClusterPath, StringComparison.Ordinal);
}

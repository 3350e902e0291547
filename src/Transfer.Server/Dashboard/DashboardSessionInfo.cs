namespace Transfer.Server.Dashboard;

/// <summary>Who signed in to the dashboard: the key's tenant, its role and its name.</summary>
public sealed record DashboardSessionInfo(string Tenant, string Role, string Name, bool ClusterView);

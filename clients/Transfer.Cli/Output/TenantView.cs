using System.Globalization;
using Spectre.Console;
using Transfer.Contracts.Tenants;

namespace Transfer.Cli.Output;

/// <summary>A tenant and its keys as a table.</summary>
public static class TenantView
{
    public static Rows Details(TenantInfo tenant)
    {
        var header = new Markup($"[bold]{Markup.Escape(tenant.Id)}[/] {Markup.Escape(tenant.DisplayName)}, created {Time(tenant.CreatedAt)}");
        var keys = new Table().Border(TableBorder.Rounded).AddColumns("Key id", "Role", "Name", "Created", "Revoked");
        foreach (var key in tenant.Keys)
        {
            keys.AddRow(
                new Text(key.KeyId),
                new Text(key.Role.ToString()),
                new Text(key.Name ?? ""),
                new Text(Time(key.CreatedAt)),
                new Text(key.RevokedAt is { } revoked ? Time(revoked) : ""));
        }

        return new Rows(header, keys);
    }

    private static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}

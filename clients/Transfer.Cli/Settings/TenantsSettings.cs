using System.ComponentModel;
using Spectre.Console.Cli;

namespace Transfer.Cli.Settings;

/// <summary>The <c>transfer tenants</c> group (admin key); each command's own settings are nested here.</summary>
public class TenantsSettings : TransferSettings
{
    /// <summary>Commands on one tenant: <c>show &lt;id&gt;</c>.</summary>
    public class ById : TenantsSettings
    {
        [CommandArgument(0, "<id>")]
        [Description("Tenant id: 3-40 lower-case letters, digits or dashes.")]
        public string Id { get; init; } = "";
    }

    /// <summary><c>tenants create &lt;id&gt; [--display-name]</c>.</summary>
    public sealed class Create : ById
    {
        [CommandOption("--display-name <NAME>")]
        [Description("A human-readable name (default: the id).")]
        public string? DisplayName { get; init; }
    }
}

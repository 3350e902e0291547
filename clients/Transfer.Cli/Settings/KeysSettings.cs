using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Transfer.Contracts.Tenants;

namespace Transfer.Cli.Settings;

/// <summary>The <c>transfer keys</c> group (admin key); each command's own settings are nested here.</summary>
public class KeysSettings : TransferSettings
{
    /// <summary><c>keys create --tenant &lt;id&gt; [--role user|admin] [--name]</c>.</summary>
    public sealed class Create : KeysSettings
    {
        [CommandOption("--tenant <ID>", isRequired: true)]
        [Description("The tenant the key belongs to.")]
        public string Tenant { get; init; } = "";

        [CommandOption("--role <ROLE>")]
        [Description("user or admin.")]
        [DefaultValue("user")]
        public string Role { get; init; } = "user";

        [CommandOption("--name <NAME>")]
        [Description("A note to recognise the key by.")]
        public string? Name { get; init; }

        /// <summary>The parsed <c>--role</c>.</summary>
        public Role ParsedRole => Enum.Parse<Role>(Role, ignoreCase: true);

        public override ValidationResult Validate() =>
            Enum.TryParse<Role>(Role, ignoreCase: true, out var role) && Enum.IsDefined(role) && !int.TryParse(Role, out _)
                ? ValidationResult.Success()
                : ValidationResult.Error($"Unknown role '{Role}': use user or admin.");
    }

    /// <summary><c>keys revoke &lt;keyId&gt;</c>.</summary>
    public sealed class Revoke : KeysSettings
    {
        [CommandArgument(0, "<keyId>")]
        [Description("The id of the key to revoke (not the secret).")]
        public string KeyId { get; init; } = "";
    }
}

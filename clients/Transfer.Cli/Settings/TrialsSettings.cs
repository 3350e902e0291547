using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Transfer.Cli.Settings;

/// <summary>The <c>transfer trials</c> group: steer one running trial of a job.</summary>
public class TrialsSettings : TransferSettings
{
    /// <summary><c>trials stop|pause|resume &lt;job&gt; &lt;trial&gt;</c>.</summary>
    public class Command : TrialsSettings
    {
        [CommandArgument(0, "<job>")]
        [Description("Job id.")]
        public string Job { get; init; } = "";

        [CommandArgument(1, "<trial>")]
        [Description("Trial number.")]
        public int Trial { get; init; }

        public override ValidationResult Validate() => Trial >= 0 ? ValidationResult.Success() : ValidationResult.Error("<trial> is a trial number (0 or more).");
    }

    /// <summary><c>trials set &lt;job&gt; &lt;trial&gt; base_lr=0.001</c>.</summary>
    public sealed class Set : Command
    {
        [CommandArgument(2, "<assignment>")]
        [Description("name=value, e.g. base_lr=0.001 (base_lr, gamma, power, stepsize, momentum, weight_decay, max_iter, test_interval).")]
        public string Assignment { get; init; } = "";

        public override ValidationResult Validate() =>
            base.Validate() is { Successful: false } failed ? failed
            : TryParse(Assignment, out _, out _) ? ValidationResult.Success()
            : ValidationResult.Error($"'{Assignment}' is not name=value (for example base_lr=0.001).");

        /// <summary>The parsed name and value.</summary>
        public (string Name, double Value) Parsed => TryParse(Assignment, out var name, out var value) ? (name, value) : throw new FormatException(Assignment);

        private static bool TryParse(string text, out string name, out double value)
        {
            var at = text.IndexOf('=', StringComparison.Ordinal);
            name = at > 0 ? text[..at].Trim() : "";
            value = 0;
            return at > 0 && name.Length > 0 && double.TryParse(text[(at + 1)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }
}

using Spectre.Console;
using Transfer.Client.Problems;

namespace Transfer.Cli.Output;

/// <summary>Writes failures to the error console: a problem's title, status, code, detail and field errors; or a plain message.</summary>
public static class ErrorReport
{
    public static void Problem(IAnsiConsole error, TransferProblem problem)
    {
        var code = problem.Code is null ? "" : $", code [yellow]{Markup.Escape(problem.Code)}[/]";
        error.MarkupLine($"[red]Error:[/] {Markup.Escape(problem.Title)} (HTTP {problem.Status}{code})");
        if (!string.IsNullOrWhiteSpace(problem.Detail))
        {
            error.WriteLine(problem.Detail);
        }

        foreach (var (field, messages) in problem.Errors ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            foreach (var message in messages)
            {
                error.MarkupLine($"  [grey]{Markup.Escape(field)}:[/] {Markup.Escape(message)}");
            }
        }
    }

    public static void Message(IAnsiConsole error, string message) => error.MarkupLine($"[red]Error:[/] {Markup.Escape(message)}");
}

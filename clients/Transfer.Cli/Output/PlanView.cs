using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;
using Transfer.Client.Jobs;
using Transfer.Contracts.Jobs;
using Transfer.Contracts.Search;

namespace Transfer.Cli.Output;

/// <summary>What <c>transfer jobs plan</c> shows: how a job would run, then its search space, a parameter a row.</summary>
public static class PlanView
{
    public static IRenderable Details(JobPlanInfo plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        JobView.Row(grid, "Dataset", plan.Request.DatasetId);
        JobView.Row(grid, "Budget", BudgetText.Format(plan.Request.Budget));
        JobView.Row(grid, "Objective", JobView.Objective(plan.Request));
        JobView.Row(grid, "Base model", JobView.BaseModel(plan.BenchmarkModelId, plan.Group));
        JobView.Row(grid, "Scoring", plan.Folds > 1 ? $"{plan.Folds}-fold cross-validation; a test split is held out" : "one validation split; a test split is held out");
        JobView.Row(grid, "Baseline", $"trial 0: {JobView.Configuration(plan.BaselineConfiguration)}");
        JobView.Row(grid, "Warm start", plan.WarmStartConfigurations.Count + plan.WarmStartObservations == 0
            ? "none (no similar dataset in the knowledge base)"
            : $"{plan.WarmStartConfigurations.Count} configuration(s) of similar datasets tried first; {plan.WarmStartObservations} past observation(s) guide the sampler");
        JobView.Row(grid, "Scratch", plan.ScratchReference ? "the budget's last trial trains the default configuration from scratch, as a reference" : "no from-scratch reference");
        return new Rows(grid, Space(plan.Space));
    }

    public static Table Space(SearchSpaceDefinition space)
    {
        ArgumentNullException.ThrowIfNull(space);
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Parameter", "Kind", "Values", "Default", "When");
        foreach (var p in space.Parameters)
        {
            table.AddRow(
                new Text(p.Name),
                new Text(p.Kind.ToString()),
                new Text(Values(p)),
                new Text(p.Default?.ToString() ?? "-"),
                new Text(p.Condition is { } c ? Condition(c) : ""));
        }

        return table;
    }

    private static string Values(ParameterDefinition p) => p.Kind switch
    {
        ParameterKind.Categorical => string.Join(", ", p.Choices ?? []),
        ParameterKind.Architecture when p.Architecture is { } a => $"{a.MinDepth}-{a.MaxDepth} layers of {string.Join(", ", a.LayerKinds)}",
        _ => $"{N(p.Low)} to {N(p.High)}" + (p.Log ? ", log scale" : "") + (p.Step is { } step ? $", step {N(step)}" : ""),
    };

    private static string Condition(ParameterCondition c) =>
        c.Values is { Count: > 0 } values ? $"{c.Parent} in {string.Join(", ", values)}"
        : $"{c.Parent} {(c.Min is { } min ? $">= {N(min)}" : "")}{(c.Min is not null && c.Max is not null ? " and " : "")}{(c.Max is { } max ? $"<= {N(max)}" : "")}";

    private static string N(double? value) => value?.ToString("G6", CultureInfo.InvariantCulture) ?? "?";
}

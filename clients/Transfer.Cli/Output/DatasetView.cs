using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;
using Transfer.Contracts.Datasets;

namespace Transfer.Cli.Output;

/// <summary>Datasets as tables: one row each for lists, a key/value grid plus files for one dataset.</summary>
public static class DatasetView
{
    public static Table List(IEnumerable<DatasetInfo> datasets)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Id", "Name", "Format", "Examples", "Classes", "Size", "Created");
        table.Columns[3].RightAligned();
        table.Columns[4].RightAligned();
        table.Columns[5].RightAligned();
        foreach (var d in datasets)
        {
            table.AddRow(
                new Text(d.Id),
                new Text(d.Name),
                new Text(d.Schema.Format.ToString()),
                new Text(d.Schema.Examples.ToString("N0", CultureInfo.InvariantCulture)),
                new Text(d.Schema.Classes.Count.ToString(CultureInfo.InvariantCulture)),
                new Text(ByteSize.Format(d.SizeBytes)),
                new Text(Created(d)));
        }

        return table;
    }

    public static IRenderable Details(DatasetInfo d)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        Row(grid, "Id", d.Id);
        Row(grid, "Name", d.Name);
        Row(grid, "Status", d.Status.ToString());
        Row(grid, "Format", d.Schema.Format.ToString());
        Row(grid, "Examples", d.Schema.Examples.ToString("N0", CultureInfo.InvariantCulture));
        Row(grid, "Classes", string.Join(", ", d.Schema.Classes.Select(c => $"{c.Name} ({c.Count.ToString(CultureInfo.InvariantCulture)})")));
        if (d.Schema.LabelColumn is not null)
        {
            Row(grid, "Label column", d.Schema.LabelColumn);
        }

        if (d.Schema.Columns is { Count: > 0 } columns)
        {
            Row(grid, "Columns", string.Join(", ", columns.Select(c => $"{c.Name} ({c.Kind})")));
            Row(grid, "Missing values", d.Schema.MissingValues.ToString(CultureInfo.InvariantCulture));
        }

        if (d.Schema.Image is { } image)
        {
            Row(grid, "Images", $"{image.Channels}x{image.Height}x{image.Width} (channels x height x width)");
        }

        Row(grid, "Created", Created(d));

        var files = new Table().Border(TableBorder.Rounded).AddColumns("Part", "File", "Size", "SHA-256");
        files.Columns[2].RightAligned();
        foreach (var f in d.Files)
        {
            files.AddRow(new Text(f.Part), new Text(f.FileName), new Text(ByteSize.Format(f.SizeBytes)), new Text(f.Sha256));
        }

        return new Rows(grid, files);
    }

    private static void Row(Grid grid, string key, string value) => grid.AddRow(new Markup($"[grey]{key}[/]"), new Text(value));

    private static string Created(DatasetInfo d) => d.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}

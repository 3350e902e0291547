using Transfer.Data;

namespace Transfer.Bench.Kb;

/// <summary>
/// Real datasets for a knowledge base of any size: seeded subsets (classes, rows, columns) of Fashion-MNIST and of the
/// seed tables. Every example in them is real; only the choice of subset is random.
/// </summary>
internal static class KbSubsets
{
    public static ImageData Images(ImageData source, Random random)
    {
        var classCount = random.Next(2, source.Classes.Count + 1);
        var classes = Enumerable.Range(0, source.Classes.Count).OrderBy(_ => random.Next()).Take(classCount).Order().ToArray();
        var wanted = random.Next(200, 3001);
        var rows = Enumerable.Range(0, source.Count).Where(i => classes.Contains(source.Labels[i])).OrderBy(_ => random.Next()).Take(wanted).ToArray();
        var pixels = new byte[rows.Length * source.ImageSize];
        for (var i = 0; i < rows.Length; i++)
        {
            source.Image(rows[i]).CopyTo(pixels.AsSpan(i * source.ImageSize));
        }

        var labels = rows.Select(r => Array.IndexOf(classes, source.Labels[r])).ToArray();
        return new ImageData(rows.Length, source.Channels, source.Height, source.Width, pixels, labels, classes.Select(c => source.Classes[c]).ToArray());
    }

    public static TabularData Table(TabularData source, Random random)
    {
        var rowCount = Math.Max(20, (int)(source.Rows * (0.3 + (0.7 * random.NextDouble()))));
        var rows = Enumerable.Range(0, source.Rows).OrderBy(_ => random.Next()).Take(rowCount).Order().ToArray();
        var columnCount = Math.Max(2, (int)Math.Ceiling(source.Columns * (0.4 + (0.6 * random.NextDouble()))));
        var columns = Enumerable.Range(0, source.Columns).OrderBy(_ => random.Next()).Take(columnCount).Order().ToArray();
        var features = new float[rows.Length * columns.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = source.Row(rows[i]);
            for (var j = 0; j < columns.Length; j++)
            {
                features[(i * columns.Length) + j] = row[columns[j]];
            }
        }

        return source with
        {
            Rows = rows.Length,
            Columns = columns.Length,
            Features = features,
            ColumnNames = columns.Select(c => source.ColumnNames[c]).ToArray(),
            Labels = rows.Select(r => source.Labels[r]).ToArray(),
        };
    }
}

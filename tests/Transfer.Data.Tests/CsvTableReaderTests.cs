using System.Text;
using Transfer.Contracts.Datasets;

namespace Transfer.Data.Tests;

public sealed class CsvTableReaderTests
{
    [Fact]
    public async Task ReadsIrisWithThreeClassesAndFourNumericColumns()
    {
        await using var csv = SeedData.Open("iris", "data.csv");
        var data = await CsvTableReader.ReadAsync(csv, "label");

        Assert.Equal(150, data.Rows);
        Assert.Equal(4, data.Columns);
        Assert.Equal(["setosa", "versicolor", "virginica"], data.Classes);
        Assert.Equal(5.1f, data.Row(0)[0]);
        Assert.All(data.SourceColumns, c => Assert.Equal(FeatureKind.Numeric, c.Kind));
    }

    [Fact]
    public async Task OneHotEncodesCategoricalColumns()
    {
        await using var csv = SeedData.Open("weka-credit-g", "data.csv");
        var data = await CsvTableReader.ReadAsync(csv, "label");
        var checking = data.SourceColumns.Single(c => c.Name == "checking_status");

        Assert.Equal(FeatureKind.Categorical, checking.Kind);
        Assert.Equal(4, checking.Categories.Count);
        Assert.Contains("checking_status=<0", data.ColumnNames);
        var first = data.ColumnNames.ToList().IndexOf("checking_status=<0");
        Assert.Equal(1f, data.Row(0)[first]);
        Assert.Equal(1000, data.Rows);
    }

    [Theory]
    [InlineData("a;b;label\n1;x y;p\n2;z;q\n")]
    [InlineData("a\tb\tlabel\n1\tx y\tp\n2\tz\tq\n")]
    [InlineData("a|b|label\n1|x y|p\n2|z|q\n")]
    [InlineData("\"a\",b,label\n1,x y,p\n2,z,q\n")]
    public async Task SemicolonTabAndBarSeparatedFilesAreReadByTheirHeader(string text)
    {
        var table = await CsvTableReader.ReadAsync(Csv(text), "label");

        Assert.Equal(["a", "b=x y", "b=z"], table.ColumnNames);
        Assert.Equal([1f, 1f, 0f], table.Row(0).ToArray());
        Assert.Equal(["p", "q"], table.Classes);
    }

    [Fact]
    public async Task ACommaInTheHeaderKeepsTheCommaWhateverTheCellsHold()
    {
        var table = await CsvTableReader.ReadAsync(Csv("a,note,label\n1,x;y;z,p\n2,w;v,q\n"), "label");

        Assert.Equal(["a", "note=x;y;z", "note=w;v"], table.ColumnNames);
    }

    [Fact]
    public async Task InspectReportsColumnsClassesAndMissingValues()
    {
        var schema = await CsvTableReader.InspectAsync(Csv("a,b,label\n1,x,yes\n,y,no\n3,x,yes\n"), "label");
        Assert.Equal(3, schema.Examples);
        Assert.Equal(1, schema.MissingValues);
        Assert.Equal([new ClassCount("no", 1), new ClassCount("yes", 2)], schema.Classes);
        Assert.Equal("numeric", schema.Columns![0].Kind);
        Assert.Equal(["x", "y"], schema.Columns[1].Categories);
    }

    [Theory]
    [InlineData("a,label\n1,x\n2\n", "csv-ragged-row", "Row 3")]
    [InlineData("a,label\n1,x\n2,x\n", "single-class", "two classes")]
    [InlineData("a,b\n1,x\n2,y\n", "csv-no-label", "no column 'label'")]
    [InlineData("a,label\n1,x\nabc,y\n", "csv-not-numeric", "'abc' is not a number")]
    [InlineData("", "empty", "empty")]
    [InlineData("a,label\n", "empty", "no data rows")]
    [InlineData("a,label\n1,\"x\n2,y\n", "csv-malformed", "not valid CSV")]
    public async Task RejectsBadTablesWithAnActionableMessage(string text, string code, string fragment)
    {
        var ex = await Assert.ThrowsAsync<DatasetFormatException>(() => CsvTableReader.InspectAsync(Csv(text), "label"));
        Assert.Equal(code, ex.Code);
        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectsATableOverTheRowLimit()
    {
        var text = "a,label\n" + string.Concat(Enumerable.Range(0, 11).Select(i => $"{i},{i % 2}\n"));
        var ex = await Assert.ThrowsAsync<DatasetFormatException>(() => CsvTableReader.InspectAsync(Csv(text), "label", new DatasetLimits { MaxRows = 10 }));
        Assert.Equal("csv-too-many-rows", ex.Code);
    }

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));
}

using System.Text;

namespace Transfer.Data.Tests;

public sealed class ModelCsvReaderTests
{
    private static readonly string[] Columns = ["size", "colour=blue", "colour=red", "weight"];

    [Fact]
    public async Task RowsAreEncodedToTheModelsColumnsByNameWhateverTheOrderAndExtraColumns()
    {
        var read = await ReadAsync("id,weight,colour,label,size\n1,2.5,red,yes,10\n2,,blue,no,11\n3,4,?,no,12\n");

        Assert.Equal(Columns, read.Table.ColumnNames);
        Assert.Equal(3, read.Table.Rows);
        Assert.Empty(read.Table.Classes);
        Assert.Empty(read.MissingColumns);
        Assert.Equal([10f, 0f, 1f, 2.5f], read.Table.Row(0).ToArray());
        Assert.Equal([11f, 1f, 0f, float.NaN], read.Table.Row(1).ToArray());
        Assert.Equal([12f, float.NaN, float.NaN, 4f], read.Table.Row(2).ToArray());
    }

    [Fact]
    public async Task OneRowIsEncodedAsItIsAmongOthers()
    {
        // A table's own encoding knows only the categories it holds: alone, a red row has no 'colour=blue' column.
        var alone = await ReadAsync("size,colour,weight\n10,red,2.5\n");
        var among = await ReadAsync("size,colour,weight\n11,blue,1\n10,red,2.5\n");

        Assert.Equal(among.Table.Row(1).ToArray(), alone.Table.Row(0).ToArray());
    }

    [Fact]
    public async Task ACategoryTheModelNeverSawIsMissing()
    {
        var read = await ReadAsync("size,colour,weight\n10,green,2.5\n");

        Assert.Equal([10f, float.NaN, float.NaN, 2.5f], read.Table.Row(0).ToArray());
    }

    [Fact]
    public async Task AColumnTheCsvLacksIsMissingInEveryRowAndReportedByItsName()
    {
        var read = await ReadAsync("size\n10\n11\n");

        Assert.Equal(["colour", "weight"], read.MissingColumns);
        Assert.All(Enumerable.Range(0, 2), r => Assert.Equal([10f + r, float.NaN, float.NaN, float.NaN], read.Table.Row(r).ToArray()));
    }

    [Theory]
    [InlineData("a,b\n1,2\n", "csv-no-model-columns", "size, colour, weight")]
    [InlineData("size,colour\n10,red\nheavy,blue\n", "csv-not-numeric", "Row 3, column 'size': 'heavy'")]
    [InlineData("size,colour\n", "empty", "no data rows")]
    [InlineData("", "empty", "header row")]
    [InlineData("size,colour\n10,red,extra\n", "csv-ragged-row", "Row 2")]
    [InlineData("size,size\n1,2\n", "csv-duplicate-column", "'size'")]
    public async Task BadCsvIsRefusedWithAProblemCodeAndWhatToFix(string csv, string code, string detail)
    {
        var ex = await Assert.ThrowsAsync<DatasetFormatException>(() => ReadAsync(csv));

        Assert.Equal(code, ex.Code);
        Assert.Contains(detail, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AColumnNameWithAnEqualsSignIsReadExactly()
    {
        var read = await ModelCsvReader.ReadAsync(new MemoryStream("a=b,a\n3,x\n"u8.ToArray()), ["a=b", "a=x"]);

        Assert.Equal([3f, 1f], read.Table.Row(0).ToArray());
    }

    private static Task<AlignedTable> ReadAsync(string csv) =>
        ModelCsvReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), Columns);
}

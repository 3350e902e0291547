namespace Transfer.MetaLearning.Features;

/// <summary>A row-major float matrix of subsampled examples with their class indices.</summary>
internal sealed record SampleMatrix(int Rows, int Columns, float[] Values, int[] Labels, int ClassCount)
{
    public float At(int row, int column) => Values[(row * Columns) + column];
}

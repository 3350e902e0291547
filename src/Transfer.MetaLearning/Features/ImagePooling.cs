using Transfer.Data;

namespace Transfer.MetaLearning.Features;

/// <summary>Turns subsampled images into landmarker rows: intensities in [0, 1], 2x2 average-pooled until small enough.</summary>
internal static class ImagePooling
{
    public static SampleMatrix Pool(ImageData data, int[] sample, int columnCap)
    {
        int c = data.Channels, h = data.Height, w = data.Width;
        var factor = 1;
        while (c * Ceil(h, factor) * Ceil(w, factor) > columnCap && (Ceil(h, factor) > 1 || Ceil(w, factor) > 1))
        {
            factor *= 2;
        }

        int ph = Ceil(h, factor), pw = Ceil(w, factor);
        var columns = c * ph * pw;
        var values = new float[sample.Length * columns];
        var counts = new int[columns];
        for (var i = 0; i < sample.Length; i++)
        {
            var image = data.Image(sample[i]);
            var row = values.AsSpan(i * columns, columns);
            Array.Clear(counts);
            for (var ch = 0; ch < c; ch++)
            {
                for (var y = 0; y < h; y++)
                {
                    for (var x = 0; x < w; x++)
                    {
                        var target = (ch * ph * pw) + ((y / factor) * pw) + (x / factor);
                        row[target] += image[(ch * h * w) + (y * w) + x];
                        counts[target]++;
                    }
                }
            }

            for (var j = 0; j < columns; j++)
            {
                row[j] /= 255f * counts[j];
            }
        }

        return new SampleMatrix(sample.Length, columns, values, sample.Select(s => data.Labels[s]).ToArray(), data.Classes.Count);
    }

    private static int Ceil(int n, int factor) => (n + factor - 1) / factor;
}

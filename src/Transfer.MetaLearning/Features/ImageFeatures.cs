using Transfer.Data;

namespace Transfer.MetaLearning.Features;

/// <summary>
/// Pixel statistics of the subsampled images, on gray intensity in [0, 1] (channels averaged): mean, standard deviation,
/// dark fraction (&lt; 0.05), a 4-bin histogram, the intensity-weighted centre and spread along x and y (fractions of the
/// side), edge density (mean absolute difference to the right and lower neighbour), and the shape of the bounding box
/// of "ink" (&gt; 0.2): log aspect ratio (width over height) and the fraction of it that is ink. Tables get zeros.
/// </summary>
internal static class ImageFeatures
{
    private const float InkLevel = 0.2f;

    public static void SetNeutral(FeatureBag bag)
    {
        foreach (var name in MetaFeatureCatalog.Names.Where(n => n.StartsWith("img_", StringComparison.Ordinal)))
        {
            bag.Set(name, 0);
        }
    }

    public static void Compute(ImageData data, int[] sample, FeatureBag bag)
    {
        int h = data.Height, w = data.Width;
        var gray = new float[h * w];
        double sum = 0, sumSq = 0, dark = 0, edge = 0, pixels = 0;
        var hist = new double[4];
        double cx = 0, cy = 0, sx = 0, sy = 0, aspect = 0, fill = 0;
        int massImages = 0, inkImages = 0;
        foreach (var index in sample)
        {
            Gray(data, index, gray);
            double mass = 0, mx = 0, my = 0, mxx = 0, myy = 0;
            int left = w, right = -1, top = h, bottom = -1, ink = 0;
            for (var y = 0; y < h; y++)
            {
                for (var x = 0; x < w; x++)
                {
                    var v = gray[(y * w) + x];
                    sum += v;
                    sumSq += v * v;
                    dark += v < 0.05f ? 1 : 0;
                    hist[Math.Min(3, (int)(v * 4))]++;
                    edge += (x + 1 < w ? Math.Abs(gray[(y * w) + x + 1] - v) : 0) + (y + 1 < h ? Math.Abs(gray[((y + 1) * w) + x] - v) : 0);
                    mass += v;
                    mx += v * x;
                    my += v * y;
                    mxx += v * x * x;
                    myy += v * y * y;
                    if (v > InkLevel)
                    {
                        ink++;
                        (left, right, top, bottom) = (Math.Min(left, x), Math.Max(right, x), Math.Min(top, y), Math.Max(bottom, y));
                    }
                }
            }

            pixels += h * w;
            if (mass > 0)
            {
                massImages++;
                var ux = mx / mass;
                var uy = my / mass;
                cx += (ux / Math.Max(1, w - 1)) - 0.5;
                cy += (uy / Math.Max(1, h - 1)) - 0.5;
                sx += Math.Sqrt(Math.Max(0, (mxx / mass) - (ux * ux))) / w;
                sy += Math.Sqrt(Math.Max(0, (myy / mass) - (uy * uy))) / h;
            }

            if (ink > 0)
            {
                inkImages++;
                double bw = right - left + 1, bh = bottom - top + 1;
                aspect += Math.Log(bw / bh);
                fill += ink / (bw * bh);
            }
        }

        var mean = pixels == 0 ? 0 : sum / pixels;
        bag.Set("img_log_side", Math.Log10(Math.Sqrt(h * (double)w)));
        bag.Set("img_channels", data.Channels);
        bag.Set("img_mean", mean);
        bag.Set("img_std", pixels == 0 ? 0 : Math.Sqrt(Math.Max(0, (sumSq / pixels) - (mean * mean))));
        bag.Set("img_dark", pixels == 0 ? 0 : dark / pixels);
        for (var b = 0; b < 4; b++)
        {
            bag.Set($"img_hist_{b + 1}", pixels == 0 ? 0 : hist[b] / pixels);
        }

        bag.Set("img_center_x", massImages == 0 ? 0 : cx / massImages);
        bag.Set("img_center_y", massImages == 0 ? 0 : cy / massImages);
        bag.Set("img_spread_x", massImages == 0 ? 0 : sx / massImages);
        bag.Set("img_spread_y", massImages == 0 ? 0 : sy / massImages);
        bag.Set("img_edge", pixels == 0 ? 0 : edge / pixels);
        bag.Set("img_bbox_aspect", inkImages == 0 ? 0 : aspect / inkImages);
        bag.Set("img_fill", inkImages == 0 ? 0 : fill / inkImages);
    }

    /// <summary>Gray intensity in [0, 1] of one image (channels averaged).</summary>
    public static void Gray(ImageData data, int index, float[] gray)
    {
        var image = data.Image(index);
        var plane = data.Height * data.Width;
        Array.Clear(gray);
        for (var c = 0; c < data.Channels; c++)
        {
            for (var p = 0; p < plane; p++)
            {
                gray[p] += image[(c * plane) + p];
            }
        }

        var scale = 1f / (255f * data.Channels);
        for (var p = 0; p < plane; p++)
        {
            gray[p] *= scale;
        }
    }
}

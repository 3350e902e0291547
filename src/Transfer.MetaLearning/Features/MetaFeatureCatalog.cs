namespace Transfer.MetaLearning.Features;

/// <summary>
/// The fixed, versioned list of meta-feature names. Every name is defined for tables and images alike: features that
/// do not apply to a kind take a neutral value (documented per group in <see cref="MetaFeatureExtractor"/>).
/// Change the list or any definition, and bump <see cref="Version"/>.
/// </summary>
public static class MetaFeatureCatalog
{
    /// <summary>Version of the built-in feature set.</summary>
    public const string Version = "mf-1";

    /// <summary>The built-in feature names, in vector order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        // simple
        "kind_image", "log_rows", "log_features", "log_classes", "log_rows_per_feature", "log_rows_per_class",
        "missing_fraction", "rows_with_missing_fraction", "categorical_fraction",
        // statistical
        "constant_fraction", "binary_fraction", "zero_fraction", "skew_mean", "skew_sd", "kurt_mean", "kurt_sd",
        "abs_corr_mean", "abs_corr_p90", "pca_fraction_95",
        // information-theoretic
        "class_entropy", "majority_fraction", "imbalance_ratio", "mutual_info_mean", "mutual_info_max", "feature_entropy_mean",
        // landmarkers
        "lm_linear", "lm_stump", "lm_tree", "lm_1nn", "lm_best_gain",
        // images
        "img_log_side", "img_channels", "img_mean", "img_std", "img_dark", "img_hist_1", "img_hist_2", "img_hist_3",
        "img_hist_4", "img_center_x", "img_center_y", "img_spread_x", "img_spread_y", "img_edge", "img_bbox_aspect",
        "img_fill",
    ];

    /// <summary>The prefix of the features that carry a benchmark model's mean backbone embedding.</summary>
    public const string EmbeddingPrefix = "emb.";

    /// <summary>The full name list and version for an embedding layout (empty layout: the built-in set).</summary>
    public static (string Version, IReadOnlyList<string> Names) For(IReadOnlyList<EmbeddingSlot> embeddingLayout)
    {
        if (embeddingLayout.Count == 0)
        {
            return (Version, Names);
        }

        var names = new List<string>(Names);
        foreach (var slot in embeddingLayout)
        {
            for (var i = 0; i < slot.Dimensions; i++)
            {
                names.Add($"{EmbeddingPrefix}{slot.ModelId}.{i}");
            }
        }

        var layout = string.Join(',', embeddingLayout.Select(s => $"{s.ModelId}:{s.Dimensions}"));
        return ($"{Version}+emb[{layout}]", names);
    }
}

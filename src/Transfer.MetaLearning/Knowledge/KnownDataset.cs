namespace Transfer.MetaLearning.Knowledge;

/// <summary>A past dataset in the index: its normalised vector, kind and its best trial per distinct configuration, with relative quality.</summary>
internal sealed record KnownDataset(string DatasetId, bool IsImage, double[] Point, IReadOnlyList<KnownTrial> Trials);

namespace Transfer.Contracts.Knowledge;

/// <summary>
/// Where a dataset falls among the groups: the nearest group, or <see cref="UnknownGroupId"/> when it is far from all.
/// </summary>
/// <param name="GroupId">The nearest group's id, or <see cref="UnknownGroupId"/>.</param>
/// <param name="NearestGroupId">The nearest group's id even when the dataset is unknown; null when there are no groups.</param>
/// <param name="Distance">Distance to the nearest group's centroid (root-mean-square over features).</param>
/// <param name="Threshold">That group's threshold; beyond it the dataset is unknown.</param>
/// <param name="Confidence">0..1: 1 at the centroid, falling to 0 at the threshold, lowered when a second group is nearly as near.</param>
public sealed record GroupAssignment(
    string GroupId,
    string? NearestGroupId,
    double Distance,
    double Threshold,
    double Confidence)
{
    /// <summary>The group id of datasets far from every group: their models train from scratch.</summary>
    public const string UnknownGroupId = "unknown";

    /// <summary>True when the dataset is far from every group.</summary>
    public bool IsUnknown => GroupId == UnknownGroupId;
}

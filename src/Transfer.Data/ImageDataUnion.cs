namespace Transfer.Data;

/// <summary>
/// The virtual dataset of a group of image datasets: their examples together, with label spaces kept apart (class
/// <c>c</c> of member <c>m</c> becomes <c>"{m}/{c}"</c>, so two members' "Sandal" stay two classes).
/// </summary>
public static class ImageDataUnion
{
    /// <summary>Concatenates the members in the order given. They must share channels, height and width.</summary>
    /// <exception cref="ArgumentException">No members, or members of different shapes.</exception>
    public static ImageData Combine(IReadOnlyList<(string Name, ImageData Data)> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0)
        {
            throw new ArgumentException("A virtual dataset needs at least one member.", nameof(members));
        }

        var first = members[0].Data;
        if (members.FirstOrDefault(m => m.Data.Channels != first.Channels || m.Data.Height != first.Height || m.Data.Width != first.Width) is { Data: not null } odd)
        {
            throw new ArgumentException(
                $"Member '{odd.Name}' has {odd.Data.Channels}x{odd.Data.Height}x{odd.Data.Width} images; '{members[0].Name}' has {first.Channels}x{first.Height}x{first.Width}.",
                nameof(members));
        }

        var count = members.Sum(m => m.Data.Count);
        var pixels = new byte[checked((long)count * first.ImageSize)];
        var labels = new int[count];
        var classes = new List<string>();
        var at = 0;
        foreach (var (name, data) in members)
        {
            data.Pixels.AsSpan(0, data.Count * data.ImageSize).CopyTo(pixels.AsSpan(at * first.ImageSize));
            for (var i = 0; i < data.Count; i++)
            {
                labels[at + i] = classes.Count + data.Labels[i];
            }

            classes.AddRange(data.Classes.Select(c => $"{name}/{c}"));
            at += data.Count;
        }

        return new ImageData(count, first.Channels, first.Height, first.Width, pixels, labels, classes);
    }
}

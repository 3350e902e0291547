using System.Text.Json;
using System.Text.Json.Serialization;
using Transfer.Contracts.Search;

namespace Transfer.Cli.Output;

/// <summary>
/// A search space as a JSON file (<see cref="SearchSpaceDefinition"/>, the API's shape): what <c>transfer jobs plan
/// --save-space</c> writes and <c>transfer train --space</c> reads. Reading refuses a property the shape lacks, as the
/// server does, so that a misspelt key in a hand-edited file is not silently dropped.
/// </summary>
public static class SpaceFile
{
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    // What a person edits: indented, and without the unset (null) fields of every parameter.
    private static readonly JsonSerializerOptions Editable = new(JsonSerializerDefaults.Web) { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="CliUsageException">The file is not a search space.</exception>
    public static async Task<SearchSpaceDefinition> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"'{path}' does not exist.", path);
        }

        try
        {
            await using var file = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<SearchSpaceDefinition>(file, Strict, cancellationToken).ConfigureAwait(false) is { Parameters: not null } space
                ? space
                : throw new CliUsageException($"'{path}' holds no search space: it needs a \"parameters\" list (see transfer jobs plan --save-space).");
        }
        catch (JsonException e)
        {
            throw new CliUsageException($"'{path}' is not a search space: {e.Message}");
        }
    }

    /// <summary>Writes the space indented, as the API shows it less its null fields; the file appears only once complete.</summary>
    public static async Task WriteAsync(string path, SearchSpaceDefinition space, CancellationToken cancellationToken)
    {
        var partial = path + ".partial";
        await File.WriteAllTextAsync(partial, JsonSerializer.Serialize(space, Editable) + Environment.NewLine, cancellationToken).ConfigureAwait(false);
        File.Move(partial, path, overwrite: true);
    }
}

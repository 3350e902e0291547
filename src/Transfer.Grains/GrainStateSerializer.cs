using System.Text;
using Newtonsoft.Json;
using Orleans.Serialization;
using Orleans.Storage;

namespace Transfer.Grains;

/// <summary>
/// How Transfer's grain state is written (Json.NET, Orleans' JSON settings otherwise). Orleans' default storage serializer
/// writes a CLR type name on every object and tracks object identity; Transfer's states are plain, non-polymorphic data,
/// so neither is needed: both made a state write several times slower, and type names tie stored states to the build's
/// compiler-generated collection types. States are written without them and read with type names honoured where present,
/// so states written with Orleans' defaults still read back.
/// </summary>
public sealed class GrainStateSerializer : IGrainStorageSerializer
{
    private static readonly UTF8Encoding _utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly JsonSerializer _writer = JsonSerializer.Create(Settings(TypeNameHandling.None));
    private readonly JsonSerializer _reader = JsonSerializer.Create(Settings(TypeNameHandling.Auto));

    /// <summary>The settings states are written with: Orleans' defaults without type names and reference ids.</summary>
    public static JsonSerializerSettings WriteSettings => Settings(TypeNameHandling.None);

    /// <summary>The settings states are read with: type names are honoured where a stored state has them.</summary>
    public static JsonSerializerSettings ReadSettings => Settings(TypeNameHandling.Auto);

    public BinaryData Serialize<T>(T? input)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, _utf8, 4096, leaveOpen: true))
        {
            _writer.Serialize(writer, input, typeof(T));
        }

        return new BinaryData(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    public T Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var reader = new StreamReader(input.ToStream(), _utf8);
        using var json = new JsonTextReader(reader);
        return _reader.Deserialize<T>(json)!;
    }

    private static JsonSerializerSettings Settings(TypeNameHandling typeNames)
    {
        var settings = new OrleansJsonSerializerOptions().JsonSerializerSettings;
        settings.TypeNameHandling = typeNames;
        settings.PreserveReferencesHandling = PreserveReferencesHandling.None;
        settings.SerializationBinder = new CompilerCollectionBinder();
        return settings;
    }
}

using Newtonsoft.Json.Serialization;

namespace Transfer.Grains;

/// <summary>
/// Reads type names of states written with Orleans' default settings. A collection expression typed as a read-only list
/// builds a compiler-generated collection (<c>&lt;&gt;z__ReadOnlyArray&lt;T&gt;</c>) that Json.NET cannot construct; such a
/// name is read as <see cref="List{T}"/>, which every read-only list property accepts.
/// </summary>
internal sealed class CompilerCollectionBinder : DefaultSerializationBinder
{
    public override Type BindToType(string? assemblyName, string typeName)
    {
        var type = base.BindToType(assemblyName, typeName);
        return type.Name.StartsWith("<>", StringComparison.Ordinal) && type.IsGenericType && type.GetGenericArguments() is [var item]
            ? typeof(List<>).MakeGenericType(item)
            : type;
    }
}

namespace Transfer.Search.Samplers;

/// <summary>A sampler's explicit extra state: its name and an opaque JSON document (null when it keeps none).</summary>
public sealed record SamplerSnapshot(string Sampler, string? StateJson = null);

namespace Transfer.Contracts.Tenants;

/// <summary>A newly issued key. <see cref="Key"/> is the secret to send as the <c>X-Api-Key</c> header; it is shown only once.</summary>
public sealed record IssuedKey(ApiKeyInfo Info, string Key);

namespace Transfer.Curves;

/// <summary>
/// The curve families the extrapolation fits, in x = iteration relative to the last report:
/// power law y = a + b x^-c, exponential y = a + b e^(-c x), log y = a + b ln x.
/// </summary>
internal enum CurveFamily
{
    PowerLaw,
    Exponential,
    Log,
}

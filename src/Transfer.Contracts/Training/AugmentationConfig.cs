namespace Transfer.Contracts.Training;

/// <summary>
/// Image augmentation hyper-parameters, applied to train batches only: a horizontal flip with probability ½,
/// a random crop after zero-padding by <see cref="CropPadding"/> pixels, and Gaussian noise of standard deviation
/// <see cref="NoiseStd"/> (in normalised units).
/// </summary>
public sealed record AugmentationConfig(bool FlipHorizontal = false, int CropPadding = 0, double NoiseStd = 0)
{
    /// <summary>No augmentation.</summary>
    public static AugmentationConfig None { get; } = new();

    /// <summary>Whether any augmentation is on.</summary>
    public bool IsActive => FlipHorizontal || CropPadding > 0 || NoiseStd > 0;
}

namespace TfLiteMicro.Kernels.Reference;

/// <summary>What RESIZE_BILINEAR's Prepare computes for Invoke; kept in the arena (one per node).</summary>
public struct ResizeBilinearOpData
{
    public ResizeGeometry Geometry;
    public bool HalfPixelCenters;

    /// <summary>Input pixels per output pixel (float32 path), after align_corners.</summary>
    public float HeightScale;
    public float WidthScale;

    /// <summary>The same ratios in fixed point with 10 fractional bits, rounded (integer path).</summary>
    public int HeightScale10;
    public int WidthScale10;
}

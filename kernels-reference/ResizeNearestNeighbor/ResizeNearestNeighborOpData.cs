namespace TfLiteMicro.Kernels.Reference;

/// <summary>What RESIZE_NEAREST_NEIGHBOR's Prepare computes for Invoke; kept in the arena (one per node).</summary>
public struct ResizeNearestNeighborOpData
{
    public ResizeGeometry Geometry;
    public bool AlignCorners;
    public bool HalfPixelCenters;

    /// <summary>Input pixels per output pixel, after align_corners.</summary>
    public float HeightScale;
    public float WidthScale;
}

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// The channel/space permutation of SPACE_TO_DEPTH and DEPTH_TO_SPACE (TFLM's reference/space_to_depth.h and
/// depth_to_space.h): deep pixel (b, y, x) channel ((dy·block + dx)·C + c) is shallow pixel (b, y·block + dy,
/// x·block + dx) channel c, where C is the shallow tensor's channel count.
/// </summary>
public static unsafe class DepthSpaceMath
{
    /// <summary>Input is the shallow tensor [batch, height, width, depth].</summary>
    public static void SpaceToDepth(byte* input, byte* output, int elementSize, int batch, int height, int width, int depth, int block)
    {
        Permute(input, output, elementSize, batch, height, width, depth, block, toDepth: true);
    }

    /// <summary>Output is the shallow tensor [batch, height, width, depth].</summary>
    public static void DepthToSpace(byte* input, byte* output, int elementSize, int batch, int height, int width, int depth, int block)
    {
        Permute(input, output, elementSize, batch, height, width, depth, block, toDepth: false);
    }

    // Walks the shallow tensor; each shallow pixel's channels are one contiguous run inside a deep pixel.
    private static void Permute(byte* source, byte* destination, int elementSize, int batch, int height, int width, int depth, int block,
        bool toDepth)
    {
        int runBytes = depth * elementSize;
        int deepHeight = height / block;
        int deepWidth = width / block;
        int deepPixelBytes = runBytes * block * block;
        for (int b = 0; b < batch; b++)
        {
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    long shallow = (((long)b * height + y) * width + x) * runBytes;
                    long deep = (((long)b * deepHeight + y / block) * deepWidth + x / block) * deepPixelBytes
                        + ((y % block) * block + x % block) * (long)runBytes;
                    if (toDepth) ShapeChecks.CopyBytes(source + shallow, destination + deep, runBytes);
                    else ShapeChecks.CopyBytes(source + deep, destination + shallow, runBytes);
                }
            }
        }
    }
}

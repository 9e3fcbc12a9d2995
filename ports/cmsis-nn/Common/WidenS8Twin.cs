namespace TfLiteMicro.Ports.CmsisNn;

/// <summary>C# twin of <c>tflm_cmsisnn_widen_s8</c> (<see cref="Microkernels.WidenS8"/>).</summary>
internal static unsafe class WidenS8Twin
{
    public static void Run(sbyte* source, short* destination, int depth, int inputOffset, int groupStride)
    {
        int groups = depth >> 2;
        for (int g = 0; g < groups; g++, source += 4, destination += groupStride)
        {
            // SXTB16 order: bytes 0 and 2, then bytes 1 and 3.
            destination[0] = (short)(source[0] + inputOffset);
            destination[1] = (short)(source[2] + inputOffset);
            destination[2] = (short)(source[1] + inputOffset);
            destination[3] = (short)(source[3] + inputOffset);
        }
        int tail = depth & 3;
        if (tail == 0) return;
        destination[0] = (short)(source[0] + inputOffset);
        destination[1] = tail > 2 ? (short)(source[2] + inputOffset) : (short)0;
        destination[2] = tail > 1 ? (short)(source[1] + inputOffset) : (short)0;
        destination[3] = 0;
    }
}

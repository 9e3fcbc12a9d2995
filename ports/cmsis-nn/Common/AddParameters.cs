using System.Runtime.InteropServices;

namespace TfLiteMicro.Ports.CmsisNn;

/// <summary>
/// Quantized int8 ADD as the microkernel sees it: the C struct <c>tflm_cmsisnn_add</c> of
/// native/cmsis_nn_microkernels.h, field for field (TFLM's OpDataAdd plus the two input steps).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct AddParameters
{
    /// <summary>256 rescaled values of input 1, indexed by value + 128, or null (computed per element).</summary>
    public int* Table1;
    public int* Table2;
    public int Input1Offset;
    public int Input2Offset;
    public int LeftShift;
    public int Input1Multiplier;
    public int Input1Shift;
    public int Input2Multiplier;
    public int Input2Shift;
    public int OutputMultiplier;
    public int OutputShift;
    public int OutputOffset;
    public int ActivationMin;
    public int ActivationMax;

    /// <summary>1, or 0 when the input is broadcast along the row.</summary>
    public int Input1Step;
    public int Input2Step;
}

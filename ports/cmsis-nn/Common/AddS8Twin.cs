using TfLiteMicro.Kernels;
using TfLiteMicro.Kernels.Reference;

namespace TfLiteMicro.Ports.CmsisNn;

/// <summary>
/// C# twins of <c>tflm_cmsisnn_rescale_table_s8</c> and <c>tflm_cmsisnn_add_s8</c> (<see cref="Microkernels.AddS8"/>),
/// built from the reference's own fixed-point functions.
/// </summary>
internal static unsafe class AddS8Twin
{
    public static void RescaleTable(int* table, int offset, int leftShift, int multiplier, int shift)
    {
        for (int v = -128; v < 128; v++) *table++ = Rescale(v, offset, leftShift, multiplier, shift);
    }

    public static void Run(AddParameters* add, sbyte* input1, sbyte* input2, sbyte* output, int count)
    {
        for (int i = 0; i < count; i++, input1 += add->Input1Step, input2 += add->Input2Step)
        {
            int scaled1 = add->Table1 != null ? add->Table1[*input1 + 128]
                : Rescale(*input1, add->Input1Offset, add->LeftShift, add->Input1Multiplier, add->Input1Shift);
            int scaled2 = add->Table2 != null ? add->Table2[*input2 + 128]
                : Rescale(*input2, add->Input2Offset, add->LeftShift, add->Input2Multiplier, add->Input2Shift);
            int result = unchecked(FixedPointMath.MultiplyByQuantizedMultiplierSmallerThanOneExp(unchecked(scaled1 + scaled2),
                add->OutputMultiplier, add->OutputShift) + add->OutputOffset);
            output[i] = (sbyte)ActivationMath.Clamp(result, add->ActivationMin, add->ActivationMax);
        }
    }

    private static int Rescale(int value, int offset, int leftShift, int multiplier, int shift) =>
        FixedPointMath.MultiplyByQuantizedMultiplierSmallerThanOneExp(unchecked((value + offset) * (1 << leftShift)), multiplier, shift);
}

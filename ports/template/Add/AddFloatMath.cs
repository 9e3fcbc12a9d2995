using TfLiteMicro.Kernels.Reference;

namespace TfLiteMicro.Ports.Template;

/// <summary>
/// The template port's math: a pure function over raw pointers, bit-exact with the reference by construction (each
/// element is a + b then the same clamp; only the loop shape differs). A hardware port puts its intrinsics here.
/// </summary>
public static unsafe class AddFloatMath
{
    public static void SameShape(float* input1, float* input2, float* output, int count, float activationMin, float activationMax)
    {
        int i = 0;
        for (; i + 4 <= count; i += 4)
        {
            output[i] = ActivationMath.Clamp(input1[i] + input2[i], activationMin, activationMax);
            output[i + 1] = ActivationMath.Clamp(input1[i + 1] + input2[i + 1], activationMin, activationMax);
            output[i + 2] = ActivationMath.Clamp(input1[i + 2] + input2[i + 2], activationMin, activationMax);
            output[i + 3] = ActivationMath.Clamp(input1[i + 3] + input2[i + 3], activationMin, activationMax);
        }
        for (; i < count; i++)
        {
            output[i] = ActivationMath.Clamp(input1[i] + input2[i], activationMin, activationMax);
        }
    }
}

using TfLiteMicro.FlexBuffers;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Reads a Signal op's custom options: a FlexBuffer map written by TensorFlow (keys are the op's attribute names).
/// TFLM reads them by position in the alphabetically sorted map; looking them up by name gives the same values
/// for every well-formed buffer and a clear message for a damaged one.
/// </summary>
public static unsafe class SignalOptions
{
    public static Status GetMap(KernelContext context, ref Node node, out FlexMap options)
    {
        options = default;
        if (node.CustomOptions == null || node.CustomOptionsLength <= 0)
            return context.Errors.Fail(Status.MalformedModel, "the operator has no custom options (a FlexBuffer map is required)"u8);
        return FlexBuffer.GetRootMap(node.CustomOptionsBytes, context.Errors, out options);
    }
}

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// The window arithmetic of convolutions and pooling — output index × stride − padding + tap × dilation — must stay
/// inside <c>int</c> for every output position, whatever strides, filter sizes and dilations a model gives, so that
/// the kernels' 32-bit index math (and a port's raw pointers) can never wrap around to an index inside the tensor
/// but at the wrong place, or outside it. Checked once per axis in Prepare, in 64 bits.
/// </summary>
public static class WindowChecks
{
    /// <summary>
    /// Fails unless the filter has at least one tap and the window of the last output position, with its padding,
    /// spans no more than <c>int.MaxValue</c> input positions (<paramref name="axis"/> names the axis: "height"/"width").
    /// </summary>
    public static Status CheckAxis(ErrorReporter errors, System.ReadOnlySpan<byte> axis, int outputSize, int filterSize, int stride,
        int dilation, int padding)
    {
        if (filterSize < 1)
            return errors.Fail(Status.Error, "filter "u8).Append(axis).Append(" is "u8).Append(filterSize).Append(", must be at least 1"u8);
        long lastOrigin = (long)(outputSize > 0 ? outputSize - 1 : 0) * stride;
        long reach = lastOrigin + (long)(filterSize - 1) * dilation + 1;
        if (padding >= 0 && reach + padding <= int.MaxValue) return Status.Ok;
        return errors.Fail(Status.Error, "the "u8).Append(axis).Append(" window (output "u8).Append(outputSize).Append(" × stride "u8)
            .Append(stride).Append(", filter "u8).Append(filterSize).Append(" × dilation "u8).Append(dilation)
            .Append(") spans more than "u8).Append(int.MaxValue).Append(" positions"u8);
    }

    /// <summary>A 64-bit size as an int, saturated (the callers compare it with a tensor dimension or check it afterwards).</summary>
    public static int Saturate(long value) => value > int.MaxValue ? int.MaxValue : value < int.MinValue ? int.MinValue : (int)value;
}

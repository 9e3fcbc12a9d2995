namespace TfLiteMicro.Ports.X86Simd;

/// <summary>
/// A constant tensor as the packing code reads it at Prepare: in place, or — when it is LUT-compressed — decoded
/// into temp memory that <see cref="Release"/> frees once the packed copy exists. The packed weights and bias are
/// all Invoke reads, so on this port a compressed model runs as fast as the uncompressed one.
/// </summary>
internal unsafe struct DecodedConstant
{
    private void* temp;

    /// <summary>The tensor's values (null for an absent tensor).</summary>
    public void* Data;

    public static Status Decode(KernelContext context, TensorInfo tensor, out DecodedConstant decoded)
    {
        decoded = default;
        decoded.Data = tensor.Exists ? tensor.Data : null;
        if (!tensor.Exists || !context.IsCompressed(tensor.Index)) return Status.Ok;
        int bytes = context.DecompressedBytes(tensor.Index);
        decoded.temp = context.AllocateTempBuffer(bytes, 16);
        if (decoded.temp == null) return context.Errors.LastStatus;
        Status status = context.DecompressTensor(tensor.Index, decoded.temp, bytes);
        if (status != Status.Ok)
        {
            decoded.Release(context);
            return status;
        }
        decoded.Data = decoded.temp;
        return Status.Ok;
    }

    public void Release(KernelContext context)
    {
        if (temp != null) context.DeallocateTempBuffer(temp);
        temp = null;
    }
}

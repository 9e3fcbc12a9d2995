using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Shapes of a RESIZE_BILINEAR or RESIZE_NEAREST_NEIGHBOR node, read once at Prepare from the 4-D NHWC input and the
/// constant int32 size tensor [new_height, new_width]; shared by both resize ops.
/// </summary>
public unsafe struct ResizeGeometry
{
    public const int InputTensor = 0;
    public const int SizeTensor = 1;
    public const int OutputTensor = 0;

    public int Batches;
    public int InputHeight;
    public int InputWidth;
    public int Depth;
    public int OutputHeight;
    public int OutputWidth;

    /// <summary>
    /// Checks what TFLM checks (2 inputs, 1 output, 4-D input, constant 1-D int32 size of 2 elements, output type =
    /// input type among <c>float32, int8, int16</c>) plus what TFLM leaves to debug asserts: positive sizes and an
    /// output of shape [batches, new_height, new_width, depth].
    /// </summary>
    public static Status Prepare(KernelContext context, ref Node node, out ResizeGeometry geometry)
    {
        geometry = default;
        ErrorReporter errors = context.Errors;
        if (node.InputCount != 2 || node.OutputCount != 1)
            return errors.Fail(Status.Error, "expects 2 inputs (input, size) and 1 output, got "u8).Append(node.InputCount)
                .Append(" inputs and "u8).Append(node.OutputCount).Append(" outputs"u8);
        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo size = context.GetInputInfo(ref node, SizeTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);

        if (input.Type != TensorType.Float32 && input.Type != TensorType.Int8 && input.Type != TensorType.Int16)
            return context.UnsupportedType(input, "input"u8);
        Status status = context.ExpectType(output, input.Type, "output"u8);
        if (status != Status.Ok) return status;
        status = context.ExpectType(size, TensorType.Int32, "size"u8);
        if (status != Status.Ok) return status;
        if (input.Rank != 4)
            return errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" has rank "u8).Append(input.Rank)
                .Append(", expected 4 (NHWC)"u8);
        if (size.Rank != 1 || size.Dim(0) != 2)
            return errors.Fail(Status.Error, "size tensor "u8).Append(size.Index).Append(" must be 1-D with 2 elements (height, width)"u8);
        if (!size.IsConstant || size.Data == null)
            return errors.Fail(Status.Error, "size tensor "u8).Append(size.Index).Append(" must be constant"u8);

        ReadOnlySpan<int> newSize = size.ConstantData<int>();
        geometry.Batches = input.Dim(0);
        geometry.InputHeight = input.Dim(1);
        geometry.InputWidth = input.Dim(2);
        geometry.Depth = input.Dim(3);
        geometry.OutputHeight = newSize[0];
        geometry.OutputWidth = newSize[1];
        if (geometry.InputHeight <= 0 || geometry.InputWidth <= 0)
            return errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" is "u8).Append(geometry.InputHeight)
                .Append('x').Append(geometry.InputWidth).Append(", there is nothing to resize"u8);
        if (geometry.OutputHeight <= 0 || geometry.OutputWidth <= 0)
            return errors.Fail(Status.Error, "size tensor "u8).Append(size.Index).Append(" asks for "u8).Append(geometry.OutputHeight)
                .Append('x').Append(geometry.OutputWidth).Append(", sizes must be positive"u8);
        if (output.Rank != 4 || output.Dim(0) != geometry.Batches || output.Dim(1) != geometry.OutputHeight
            || output.Dim(2) != geometry.OutputWidth || output.Dim(3) != geometry.Depth)
            return errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" must have shape ["u8)
                .Append(geometry.Batches).Append(", "u8).Append(geometry.OutputHeight).Append(", "u8).Append(geometry.OutputWidth)
                .Append(", "u8).Append(geometry.Depth).Append(']');
        return Status.Ok;
    }
}

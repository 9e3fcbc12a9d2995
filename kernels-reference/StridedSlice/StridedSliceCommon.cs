using System;
using System.Runtime.CompilerServices;
using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// STRIDED_SLICE Init and Prepare, shared with ports (TFLM's strided_slice_common.cc): begin, end and strides must be
/// constant int32 vectors with one value per input dimension; the output shape in the model must equal the slice's.
/// As in TFLM, the ellipsis and new-axis masks are not supported (TFLM silently zeroes them; we refuse them so a
/// model needing them fails loudly).
/// </summary>
public static unsafe class StridedSliceCommon
{
    public const int InputTensor = 0;
    public const int BeginTensor = 1;
    public const int EndTensor = 2;
    public const int StridesTensor = 3;
    public const int OutputTensor = 0;

    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(StridedSliceOpData));
        if (data == null) return context.Errors.LastStatus;
        *(StridedSliceOpData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        StridedSliceOpData* data = (StridedSliceOpData*)node.UserData;
        ErrorReporter errors = context.Errors;
        if (node.InputCount != 4 || node.OutputCount != 1)
            return errors.Fail(Status.Error, "expects 4 inputs and 1 output, got "u8).Append(node.InputCount)
                .Append(" inputs and "u8).Append(node.OutputCount).Append(" outputs"u8);
        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        StridedSliceOptions options = new StridedSliceOptions(node.BuiltinOptions);

        switch (input.Type)
        {
            case TensorType.Float32:
            case TensorType.Int8:
            case TensorType.Int16:
            case TensorType.Int32:
            case TensorType.Int64:
            case TensorType.Bool:
            case TensorType.UInt8:
                break;
            default:
                return context.UnsupportedType(input, "input"u8);
        }
        Status status = context.ExpectType(output, input.Type, "output"u8);
        if (status != Status.Ok) return status;
        int rank = input.Rank;
        if (rank > StridedSliceOpData.MaxDimensions)
            return errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" has "u8).Append(rank)
                .Append(" dimensions, at most 5 are supported"u8);
        if (options.EllipsisMask != 0 || options.NewAxisMask != 0)
            return errors.Fail(Status.Error, "ellipsis_mask ("u8).Append(options.EllipsisMask).Append(") and new_axis_mask ("u8)
                .Append(options.NewAxisMask).Append(") are not supported"u8);

        int* begin;
        int* end;
        int* strides;
        status = ConstantIndices(context, ref node, BeginTensor, "begin"u8, rank, out begin);
        if (status != Status.Ok) return status;
        status = ConstantIndices(context, ref node, EndTensor, "end"u8, rank, out end);
        if (status != Status.Ok) return status;
        status = ConstantIndices(context, ref node, StridesTensor, "strides"u8, rank, out strides);
        if (status != Status.Ok) return status;

        int beginMask = options.BeginMask;
        int endMask = options.EndMask;
        int shrinkMask = options.ShrinkAxisMask;
        bool offset = options.Offset;

        // Output shape check, as TFLM's CheckOutputSize does it (shrunk axes are dropped).
        int outputAxis = 0;
        for (int axis = 0; axis < rank; axis++)
        {
            int stride = strides[axis];
            if (stride == 0)
                return errors.Fail(Status.Error, "stride of dimension "u8).Append(axis).Append(" is zero"u8);
            bool shrink = (shrinkMask & (1 << axis)) != 0;
            int start = StridedSliceMath.StartForAxis(begin[axis], stride, input.Dim(axis), (beginMask & (1 << axis)) != 0);
            int endIndex = offset && !shrink ? end[axis] + start : end[axis];
            int stop = StridedSliceMath.StopForAxis(endIndex, stride, input.Dim(axis), (endMask & (1 << axis)) != 0, shrink, start);
            if (shrink) continue;
            int length = StridedSliceMath.Length(start, stop, stride);
            if (outputAxis >= output.Rank || output.Dim(outputAxis) != length)
                return errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" dimension "u8).Append(outputAxis)
                    .Append(" should be "u8).Append(length);
            outputAxis++;
        }
        if (output.Rank != outputAxis)
            return errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" has rank "u8).Append(output.Rank)
                .Append(", the slice has rank "u8).Append(outputAxis);

        // Iteration bounds: the input extended at the front to 5D with full ranges over the new axes.
        int front = StridedSliceOpData.MaxDimensions - rank;
        for (int axis = 0; axis < StridedSliceOpData.MaxDimensions; axis++)
        {
            if (axis < front)
            {
                data->InputShape[axis] = 1;
                data->Start[axis] = 0;
                data->Stop[axis] = 1;
                data->Stride[axis] = 1;
                continue;
            }
            int source = axis - front;
            int size = input.Dim(source);
            int stride = strides[source];
            bool shrink = (shrinkMask & (1 << source)) != 0;
            int start = StridedSliceMath.EvalStartForAxis(begin[source], stride, size, (beginMask & (1 << source)) != 0);
            data->InputShape[axis] = size;
            data->Start[axis] = start;
            data->Stop[axis] = StridedSliceMath.EvalStopForAxis(end[source], stride, size, (endMask & (1 << source)) != 0,
                shrink, offset, start);
            data->Stride[axis] = stride;
        }
        return Status.Ok;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Status ConstantIndices(KernelContext context, ref Node node, int inputIndex, ReadOnlySpan<byte> role, int rank, out int* values) => ConstantIndicesCore(context, ref node, inputIndex, ErrorReporter.Text(role), rank, out values);

    private static Status ConstantIndicesCore(KernelContext context, ref Node node, int inputIndex, ReadOnlySpan<byte> role, int rank, out int* values)
    {
        values = null;
        TensorInfo tensor = context.GetInputInfo(ref node, inputIndex);
        Status status = context.ExpectType(tensor, TensorType.Int32, role);
        if (status != Status.Ok) return status;
        if (!tensor.IsConstant || tensor.Data == null)
            return context.Errors.Fail(Status.Error, role).Append(" tensor "u8).Append(tensor.Index).Append(" must be constant"u8);
        if (tensor.ElementCount != rank)
            return context.Errors.Fail(Status.Error, role).Append(" tensor "u8).Append(tensor.Index).Append(" has "u8)
                .Append(tensor.ElementCount).Append(" values, expected one per input dimension ("u8).Append(rank).Append(')');
        values = (int*)tensor.Data;
        return Status.Ok;
    }
}

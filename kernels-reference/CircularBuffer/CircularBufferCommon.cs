using TfLiteMicro.FlexBuffers;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// CIRCULAR_BUFFER's Init and Prepare (TFLM kernels/circular_buffer.cc, circular_buffer_common.cc): option
/// 'cycles_max' (FlexBuffer map; absent options mean 0); int8 input [b, 1, h, d] and int8 output
/// [b, slots, h, d]; an optional second output is a one-element bool tensor.
/// </summary>
public static unsafe class CircularBufferCommon
{
    public const int InputTensor = 0;
    public const int OutputTensor = 0;
    public const int ValidTensor = 1;

    /// <summary>
    /// TFLM's <c>kTfLiteAbort</c> (<see cref="Status.Abort"/> here): "not due yet, stop this run of the graph here". Not a failure; the
    /// interpreter stops invoking the remaining operators and returns this value.
    /// </summary>
    public const Status Abort = Status.Abort;

    /// <summary>
    /// TFLM's process-wide count of CIRCULAR_BUFFER nodes prepared without cycles_max, used by its shape heuristic
    /// (reproduced as is; see <see cref="Prepare"/>).
    /// </summary>
    private static int preparedWithoutCyclesMax;

    public static Status Init(KernelContext context, ref Node node)
    {
        CircularBufferOpData* data = (CircularBufferOpData*)context.AllocatePersistentBuffer(sizeof(CircularBufferOpData));
        if (data == null) return context.Errors.LastStatus;
        *data = default;
        node.UserData = data;
        if (node.CustomOptions == null || node.CustomOptionsLength <= 0) return Status.Ok;
        Status status = FlexBuffer.GetRootMap(node.CustomOptionsBytes, context.Errors, out FlexMap options);
        if (status == Status.Ok) status = options.GetInt32("cycles_max"u8, context.Errors, out data->CyclesMax);
        return status;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        CircularBufferOpData* data = (CircularBufferOpData*)node.UserData;
        if (node.InputCount != 1 || (node.OutputCount != 1 && node.OutputCount != 2))
            return context.Errors.Fail(Status.Error, "expects 1 input and 1 or 2 outputs, got "u8).Append(node.InputCount)
                .Append(" and "u8).Append(node.OutputCount);
        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        Status status = SignalChecks.Tensor(context, input, TensorType.Int8, 4, "input"u8);
        if (status == Status.Ok) status = SignalChecks.Tensor(context, output, TensorType.Int8, 4, "output"u8);
        if (status != Status.Ok) return status;
        if (input.Dim(0) != output.Dim(0) || input.Dim(1) != 1 || input.Dim(2) != output.Dim(2) || input.Dim(3) != output.Dim(3)
            || output.Dim(1) < 1)
            return context.Errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" must be [b, 1, h, d] and output tensor "u8)
                .Append(output.Index).Append(" [b, slots >= 1, h, d]"u8);
        if (node.OutputCount == 2)
        {
            TensorInfo valid = context.GetOutputInfo(ref node, ValidTensor);
            status = SignalChecks.Tensor(context, valid, TensorType.Bool, -1, "valid"u8);
            if (status == Status.Ok) status = SignalChecks.ElementCount(context, valid, 1, "valid"u8);
            if (status != Status.Ok) return status;
        }

        if (data->CyclesMax <= 0)
        {
            // TFLM's stop-gap for the two streaming models it supports: the period is chosen from the output shape
            // and from how many such nodes were prepared so far in the process.
            preparedWithoutCyclesMax++;
            if (output.Dim(1) == 5 || output.Dim(1) == 13 || output.Dim(1) == 25
                || (preparedWithoutCyclesMax == 5 && output.Dim(2) == 2 && output.Dim(3) == 96))
            {
                data->CyclesMax = 1;
                preparedWithoutCyclesMax = 0;
            }
            else
            {
                data->CyclesMax = 2;
            }
        }
        data->CyclesUntilRun = data->CyclesMax;
        return Status.Ok;
    }
}

using TfLiteMicro.Kernels.Reference;
using ReferenceAdd = TfLiteMicro.Kernels.Reference.Add;

namespace TfLiteMicro.Ports.CmsisNn;

/// <summary>
/// ADD, int8, with broadcasting, through <see cref="Microkernels.AddS8"/> (TFLM's arithmetic, as CMSIS-NN's
/// arm_elementwise_add_s8). An input's rescaled value depends only on its byte, so when the output has at least
/// <see cref="TableThreshold"/> elements both inputs' 256 rescaled values are tabulated first (in scratch memory, per
/// Invoke) and each element costs two table loads instead of two multiplies and shifts. Validation and parameters
/// come from the reference's <see cref="AddCommon"/>; other types run the reference kernel.
/// </summary>
public sealed unsafe class Add : OpKernel
{
    public static readonly Add Kernel = new Add();

    /// <summary>Output elements from which tabulating the inputs (512 values) is cheaper than rescaling each element.</summary>
    public const int TableThreshold = 1024;

    private const int TableEntries = 256;

    public override Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(AddCmsisNnData));
        if (data == null) return context.Errors.LastStatus;
        *(AddCmsisNnData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public override Status Prepare(KernelContext context, ref Node node)
    {
        Status status = AddCommon.Prepare(context, ref node);
        if (status != Status.Ok) return status;
        AddCmsisNnData* data = (AddCmsisNnData*)node.UserData;
        ref AddOpData reference = ref data->Reference;
        data->Int8 = false;
        data->TablesScratchIndex = -1;
        TensorInfo input1 = context.GetInputInfo(ref node, BroadcastBinaryOpPrepare.Input1Tensor);
        TensorInfo input2 = context.GetInputInfo(ref node, BroadcastBinaryOpPrepare.Input2Tensor);
        TensorInfo output = context.GetOutputInfo(ref node, BroadcastBinaryOpPrepare.OutputTensor);
        if (output.Type != TensorType.Int8) return Status.Ok;

        data->Add = new AddParameters
        {
            Input1Offset = reference.Input1Offset,
            Input2Offset = reference.Input2Offset,
            LeftShift = reference.LeftShift,
            Input1Multiplier = reference.Input1Multiplier,
            Input1Shift = reference.Input1Shift,
            Input2Multiplier = reference.Input2Multiplier,
            Input2Shift = reference.Input2Shift,
            OutputMultiplier = reference.OutputMultiplier,
            OutputShift = reference.OutputShift,
            OutputOffset = reference.OutputOffset,
            ActivationMin = reference.OutputActivationMin,
            ActivationMax = reference.OutputActivationMax,
        };
        int count = reference.Shape.ElementCount;
        data->SameShape = input1.ElementCount == count && input2.ElementCount == count;
        if (count >= TableThreshold)
        {
            status = context.RequestScratchBuffer(2 * TableEntries * sizeof(int), out data->TablesScratchIndex);
            if (status != Status.Ok) return status;
        }
        data->Int8 = true;
        return Status.Ok;
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        AddCmsisNnData* data = (AddCmsisNnData*)node.UserData;
        if (!data->Int8) return ReferenceAdd.Kernel.Invoke(context, ref node);

        ref BroadcastShape shape = ref data->Reference.Shape;
        if (shape.ElementCount == 0) return Status.Ok;
        sbyte* input1 = (sbyte*)context.GetInput(ref node, BroadcastBinaryOpPrepare.Input1Tensor).Data;
        sbyte* input2 = (sbyte*)context.GetInput(ref node, BroadcastBinaryOpPrepare.Input2Tensor).Data;
        sbyte* output = (sbyte*)context.GetOutput(ref node, BroadcastBinaryOpPrepare.OutputTensor).Data;
        AddParameters add = data->Add;
        if (data->TablesScratchIndex >= 0)
        {
            add.Table1 = (int*)context.GetScratchBuffer(data->TablesScratchIndex);
            add.Table2 = add.Table1 + TableEntries;
            Microkernels.RescaleTableS8(add.Table1, add.Input1Offset, add.LeftShift, add.Input1Multiplier, add.Input1Shift);
            Microkernels.RescaleTableS8(add.Table2, add.Input2Offset, add.LeftShift, add.Input2Multiplier, add.Input2Shift);
        }

        if (data->SameShape)
        {
            add.Input1Step = 1;
            add.Input2Step = 1;
            Microkernels.AddS8(&add, input1, input2, output, shape.ElementCount);
            return Status.Ok;
        }
        add.Input1Step = shape.InnerStride1;
        add.Input2Step = shape.InnerStride2;
        int inner = shape.InnerLength;
        BroadcastCursor cursor = default;
        do
        {
            Microkernels.AddS8(&add, input1 + cursor.Offset1, input2 + cursor.Offset2, output, inner);
            output += inner;
        } while (cursor.NextRow(in shape));
        return Status.Ok;
    }
}

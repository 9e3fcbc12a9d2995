using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SELECT_V2's Init and Prepare (TFLM select.cc), shared with ports: a bool condition, x and y of one type
/// (float32, int8, int16) and the output alike, shapes broadcast together (up to
/// <see cref="BroadcastShape.MaxRank"/> dimensions) onto the output's. As in TFLM, operands that all hold
/// one element are accepted whatever their ranks.
/// </summary>
public static unsafe class SelectV2Common
{
    public const int ConditionTensor = 0;
    public const int XTensor = 1;
    public const int YTensor = 2;
    public const int OutputTensor = 0;

    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(SelectV2OpData));
        if (data == null) return context.Errors.LastStatus;
        *(SelectV2OpData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        SelectV2OpData* data = (SelectV2OpData*)node.UserData;
        ErrorReporter errors = context.Errors;
        if (node.InputCount != 3 || node.OutputCount != 1)
            return errors.Fail(Status.Error, "expects 3 inputs and 1 output, got "u8).Append(node.InputCount)
                .Append(" inputs and "u8).Append(node.OutputCount).Append(" outputs"u8);
        TensorInfo condition = context.GetInputInfo(ref node, ConditionTensor);
        TensorInfo x = context.GetInputInfo(ref node, XTensor);
        TensorInfo y = context.GetInputInfo(ref node, YTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        if (!condition.Exists || !x.Exists || !y.Exists) return errors.Fail(Status.Error, "all three inputs are required"u8);
        Status status = context.ExpectType(condition, TensorType.Bool, "condition"u8);
        if (status != Status.Ok) return status;
        status = context.ExpectType(y, x.Type, "y"u8);
        if (status != Status.Ok) return status;
        status = context.ExpectType(output, x.Type, "output"u8);
        if (status != Status.Ok) return status;
        if (x.Type != TensorType.Float32 && x.Type != TensorType.Int8 && x.Type != TensorType.Int16)
            return context.UnsupportedType(x, "x"u8);

        if (condition.ElementCount == 1 && x.ElementCount == 1 && y.ElementCount == 1 && output.ElementCount == 1)
        {
            // TFLM's mixed-rank scalar case: one element each, whatever the shapes say.
            data->Rank = 1;
            data->ElementCount = 1;
            data->Dims[0] = 1;
            return Status.Ok;
        }
        if (!TryCreate(condition.Shape, x.Shape, y.Shape, output.Shape, data))
            return errors.Fail(Status.Error, "output tensor "u8).Append(output.Index)
                .Append(" shape is not the broadcast of the condition, x and y shapes (tensors "u8).Append(condition.Index)
                .Append(", "u8).Append(x.Index).Append(", "u8).Append(y.Index).Append("; at most "u8).Append(BroadcastShape.MaxRank)
                .Append(" dimensions)"u8);
        return Status.Ok;
    }

    /// <summary>Builds the walk; false if the shapes do not broadcast to <paramref name="outputShape"/>.</summary>
    public static bool TryCreate(ReadOnlySpan<int> condition, ReadOnlySpan<int> x, ReadOnlySpan<int> y, ReadOnlySpan<int> outputShape,
        SelectV2OpData* result)
    {
        // Shapes align on the right; any of them may carry extra leading dimensions of extent 1.
        int rank = outputShape.Length;
        if (condition.Length > rank) rank = condition.Length;
        if (x.Length > rank) rank = x.Length;
        if (y.Length > rank) rank = y.Length;
        if (rank > BroadcastShape.MaxRank) return false;
        long elements = 1;
        for (int fromRight = 0; fromRight < rank; fromRight++)
        {
            int extent = ExtentFromRight(outputShape, fromRight);
            int c = ExtentFromRight(condition, fromRight);
            int a = ExtentFromRight(x, fromRight);
            int b = ExtentFromRight(y, fromRight);
            // Each operand either matches the output or is broadcast (1), and the output is their broadcast.
            if ((c != extent && c != 1) || (a != extent && a != 1) || (b != extent && b != 1)) return false;
            int broadcast = c > a ? c : a;
            if (b > broadcast) broadcast = b;
            if (broadcast != extent) return false;
            elements *= extent;
        }
        if (elements > int.MaxValue) return false;
        result->ElementCount = (int)elements;
        if (rank == 0)
        {
            result->Rank = 1;
            result->Dims[0] = 1;
            result->ConditionStrides[0] = 0;
            result->XStrides[0] = 0;
            result->YStrides[0] = 0;
            return true;
        }
        result->Rank = rank;
        int conditionStep = 1;
        int xStep = 1;
        int yStep = 1;
        for (int fromRight = 0; fromRight < rank; fromRight++)
        {
            int d = rank - 1 - fromRight;
            int c = ExtentFromRight(condition, fromRight);
            int a = ExtentFromRight(x, fromRight);
            int b = ExtentFromRight(y, fromRight);
            result->Dims[d] = ExtentFromRight(outputShape, fromRight);
            result->ConditionStrides[d] = c == 1 ? 0 : conditionStep;
            result->XStrides[d] = a == 1 ? 0 : xStep;
            result->YStrides[d] = b == 1 ? 0 : yStep;
            conditionStep *= c;
            xStep *= a;
            yStep *= b;
        }
        return true;
    }

    private static int ExtentFromRight(ReadOnlySpan<int> shape, int fromRight) =>
        fromRight < shape.Length ? shape[shape.Length - 1 - fromRight] : 1;
}

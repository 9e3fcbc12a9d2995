using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>CONCATENATION (float32, int8, int16, int32, int64, bool; TFLite's legacy uint8, requantized to the output).</summary>
public sealed unsafe class Concatenation : OpKernel
{
    public static readonly Concatenation Kernel = new Concatenation();

    public override Status Init(KernelContext context, ref Node node) => ConcatenationCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => ConcatenationCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ConcatenationOpData* data = (ConcatenationOpData*)node.UserData;
        ref EvalTensor output = ref context.GetOutput(ref node, ConcatenationCommon.OutputTensor);
        int axis = data->Axis;
        ReadOnlySpan<int> outputShape = output.Shape;
        int outer = ConcatenationMath.Product(outputShape, 0, axis);
        int inner = ConcatenationMath.Product(outputShape, axis + 1, outputShape.Length);
        int outputSlab = outputShape[axis] * inner;
        int elementSize = TensorTypes.ElementSize(output.Type);
        int offset = 0;
        for (int i = 0; i < node.InputCount; i++)
        {
            EvalTensor input = data->DecompressionIndices == null
                ? context.GetInput(ref node, i)
                : context.GetDecompressedInput(ref node, i, data->DecompressionIndices[i]);
            int inputSlab = input.Dim(axis) * inner;
            if (data->UInt8Inputs != null)
            {
                ConcatenationUInt8.CopyInput(input.AsReadOnlySpan<byte>(), output.AsSpan<byte>(), outer, inputSlab, outputSlab, offset,
                    in data->UInt8Inputs[i], data->UInt8OutputZeroPoint);
                offset += inputSlab;
                continue;
            }
            switch (elementSize)
            {
                case 1:
                    ConcatenationMath.CopyInput(input.AsReadOnlySpan<byte>(), output.AsSpan<byte>(), outer, inputSlab, outputSlab, offset);
                    break;
                case 2:
                    ConcatenationMath.CopyInput(input.AsReadOnlySpan<short>(), output.AsSpan<short>(), outer, inputSlab, outputSlab, offset);
                    break;
                case 4:
                    ConcatenationMath.CopyInput(input.AsReadOnlySpan<int>(), output.AsSpan<int>(), outer, inputSlab, outputSlab, offset);
                    break;
                case 8:
                    ConcatenationMath.CopyInput(input.AsReadOnlySpan<long>(), output.AsSpan<long>(), outer, inputSlab, outputSlab, offset);
                    break;
                default:
                    return context.Errors.Fail(Status.Error, "unsupported type "u8).Append(TensorTypes.Name(output.Type));
            }
            offset += inputSlab;
        }
        return Status.Ok;
    }
}

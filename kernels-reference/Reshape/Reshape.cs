using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// RESHAPE: same data, new dims. The output shape comes from the model; a -1 ("stretch") dimension is filled in
/// at Prepare from the element count, as TFLM's reshape_common.cc does.
/// </summary>
public sealed unsafe class Reshape : OpKernel
{
    public static readonly Reshape Kernel = new Reshape();

    public override Status Prepare(KernelContext context, ref Node node)
    {
        ErrorReporter errors = context.Errors;
        if (node.InputCount < 1 || node.InputCount > 2 || node.OutputCount != 1)
            return errors.Fail(Status.Error, "expects 1 or 2 inputs and 1 output"u8);
        TensorInfo input = context.GetInputInfo(ref node, 0);
        TensorInfo output = context.GetOutputInfo(ref node, 0);
        if (input.Type != output.Type)
            return errors.Fail(Status.Error, "input type "u8).Append(TensorTypes.Name(input.Type)).Append(" and output type "u8)
                .Append(TensorTypes.Name(output.Type)).Append(" differ"u8);

        int stretchDim = -1;
        int known = 1;
        for (int i = 0; i < output.Rank; i++)
        {
            int dim = output.Dim(i);
            if (dim == -1)
            {
                if (stretchDim >= 0) return errors.Fail(Status.Error, "output shape has more than one -1 dimension"u8);
                stretchDim = i;
            }
            else
            {
                known *= dim;
            }
        }
        int inputElements = input.ElementCount;
        if (stretchDim >= 0)
        {
            if (known == 0 || inputElements % known != 0)
                return errors.Fail(Status.Error, "cannot infer the -1 dimension: "u8).Append(inputElements)
                    .Append(" elements do not divide by "u8).Append(known);
            int* dims = context.CreateWritableDims(node.OutputIndex(0));
            if (dims == null) return errors.LastStatus;
            dims[1 + stretchDim] = inputElements / known;
            known = inputElements;
        }
        if (known != inputElements)
            return errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" has "u8).Append(inputElements)
                .Append(" elements but output tensor "u8).Append(output.Index).Append(" has "u8).Append(known);
        return Status.Ok;
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, 0);
        ref EvalTensor output = ref context.GetOutput(ref node, 0);
        // The planner may place input and output in the same memory; then there is nothing to move.
        if (input.Data != output.Data)
        {
            int bytes = input.ByteCount;
            new System.ReadOnlySpan<byte>(input.Data, bytes).CopyTo(new System.Span<byte>(output.Data, bytes));
        }
        return Status.Ok;
    }
}

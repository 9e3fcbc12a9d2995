using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>L2_POOL_2D's Init and Prepare, shared with ports (TFLM's l2_pool_2d.cc).</summary>
public static unsafe class L2Pool2DCommon
{
    public const int InputTensor = 0;
    public const int OutputTensor = 0;

    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(L2Pool2DOpData));
        if (data == null) return context.Errors.LastStatus;
        *(L2Pool2DOpData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    /// <summary>
    /// float32 NHWC only (TFLM has no quantized L2 pooling). TFLM rewrites the output dims from the padding
    /// computation; here the model's output shape must already be that shape.
    /// </summary>
    public static Status Prepare(KernelContext context, ref Node node)
    {
        ErrorReporter errors = context.Errors;
        if (node.InputCount != 1 || node.OutputCount != 1)
            return errors.Fail(Status.Error, "expects 1 input and 1 output, got "u8).Append(node.InputCount)
                .Append(" inputs and "u8).Append(node.OutputCount).Append(" outputs"u8);
        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        if (input.Rank != 4 || output.Rank != 4)
            return errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" and output tensor "u8).Append(output.Index)
                .Append(" must be 4D (NHWC), have "u8).Append(input.Rank).Append(" and "u8).Append(output.Rank).Append(" dimensions"u8);
        Status status = context.ExpectType(output, input.Type, "output"u8);
        if (status != Status.Ok) return status;
        if (input.Type != TensorType.Float32) return context.UnsupportedType(input, "input"u8);

        Pool2DOptions options = new Pool2DOptions(node.BuiltinOptions);
        if (options.StrideH <= 0 || options.StrideW <= 0 || options.FilterHeight <= 0 || options.FilterWidth <= 0)
            return errors.Fail(Status.Error, "strides ("u8).Append(options.StrideH).Append(", "u8).Append(options.StrideW)
                .Append(") and filter size ("u8).Append(options.FilterHeight).Append(", "u8).Append(options.FilterWidth)
                .Append(") must be positive"u8);
        Padding padding = options.Padding;
        if (padding != Padding.SAME && padding != Padding.VALID)
            return errors.Fail(Status.Error, "unknown padding "u8).Append((int)padding);
        int activation = (int)options.FusedActivationFunction;
        if (activation < 0 || activation > (int)ActivationFunctionType.SIGN_BIT)
            return errors.Fail(Status.Error, "unknown fused activation "u8).Append(activation);

        bool same = padding == Padding.SAME;
        int height = input.Dim(1);
        int width = input.Dim(2);
        int outHeight = PoolingMath.OutputSize(same, height, options.FilterHeight, options.StrideH);
        int outWidth = PoolingMath.OutputSize(same, width, options.FilterWidth, options.StrideW);
        if (output.Dim(0) != input.Dim(0) || output.Dim(1) != outHeight || output.Dim(2) != outWidth || output.Dim(3) != input.Dim(3))
            return errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" should be ["u8).Append(input.Dim(0))
                .Append(", "u8).Append(outHeight).Append(", "u8).Append(outWidth).Append(", "u8).Append(input.Dim(3)).Append(']');

        L2Pool2DOpData* data = (L2Pool2DOpData*)node.UserData;
        data->StrideHeight = options.StrideH;
        data->StrideWidth = options.StrideW;
        data->FilterHeight = options.FilterHeight;
        data->FilterWidth = options.FilterWidth;
        data->PaddingHeight = PoolingMath.Padding(options.StrideH, height, options.FilterHeight, outHeight);
        data->PaddingWidth = PoolingMath.Padding(options.StrideW, width, options.FilterWidth, outWidth);
        Status window = WindowChecks.CheckAxis(errors, "height"u8, outHeight, options.FilterHeight, options.StrideH, 1, data->PaddingHeight);
        if (window == Status.Ok) window = WindowChecks.CheckAxis(errors, "width"u8, outWidth, options.FilterWidth, options.StrideW, 1, data->PaddingWidth);
        if (window != Status.Ok) return window;
        QuantizationMath.CalculateActivationRange(activation, out data->ActivationMin, out data->ActivationMax);
        return Status.Ok;
    }
}

using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// AVERAGE_POOL_2D / MAX_POOL_2D Init and Prepare, shared with ports (TFLM's pooling_common.cc): padding from the
/// options, activation range, and TFLM's rule that quantized input and output share scale and zero point.
/// </summary>
public static unsafe class PoolingCommon
{
    public const int InputTensor = 0;
    public const int OutputTensor = 0;

    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(PoolingOpData));
        if (data == null) return context.Errors.LastStatus;
        *(PoolingOpData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        PoolingOpData* data = (PoolingOpData*)node.UserData;
        ErrorReporter errors = context.Errors;
        if (node.InputCount != 1 || node.OutputCount != 1)
            return errors.Fail(Status.Error, "expects 1 input and 1 output, got "u8).Append(node.InputCount)
                .Append(" inputs and "u8).Append(node.OutputCount).Append(" outputs"u8);
        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        Pool2DOptions options = new Pool2DOptions(node.BuiltinOptions);

        if (input.Type != TensorType.Float32 && input.Type != TensorType.Int8 && input.Type != TensorType.Int16 && input.Type != TensorType.UInt8)
            return context.UnsupportedType(input, "input"u8);
        Status status = context.ExpectType(output, input.Type, "output"u8);
        if (status != Status.Ok) return status;
        if (input.Rank != 4 || output.Rank != 4)
            return errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" and output tensor "u8).Append(output.Index)
                .Append(" must be 4D (NHWC), have "u8).Append(input.Rank).Append(" and "u8).Append(output.Rank).Append(" dimensions"u8);
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
        data->StrideHeight = options.StrideH;
        data->StrideWidth = options.StrideW;
        data->FilterHeight = options.FilterHeight;
        data->FilterWidth = options.FilterWidth;
        data->PaddingHeight = PoolingMath.Padding(options.StrideH, height, options.FilterHeight, outHeight);
        data->PaddingWidth = PoolingMath.Padding(options.StrideW, width, options.FilterWidth, outWidth);
        Status window = WindowChecks.CheckAxis(errors, "height"u8, outHeight, options.FilterHeight, options.StrideH, 1, data->PaddingHeight);
        if (window == Status.Ok) window = WindowChecks.CheckAxis(errors, "width"u8, outWidth, options.FilterWidth, options.StrideW, 1, data->PaddingWidth);
        if (window != Status.Ok) return window;

        if (input.Type == TensorType.Float32)
        {
            QuantizationMath.CalculateActivationRange(activation, out data->FloatActivationMin, out data->FloatActivationMax);
            return Status.Ok;
        }

        // Pooling moves quantized values without rescaling, so both sides must be quantized alike.
        QuantizationInfo inQ = input.Quantization;
        QuantizationInfo outQ = output.Quantization;
        // Legacy uint8 follows TFLite, which only DCHECKs that (release builds pool whatever the output scale).
        if (input.Type == TensorType.UInt8)
            return QuantizationMath.CalculateActivationRangeQuantized(errors, activation, TensorType.UInt8, outQ.Scale, outQ.ZeroPoint,
                out data->ActivationMin, out data->ActivationMax);
        SoftDouble difference = SoftDouble.FromFloat(inQ.Scale) - SoftDouble.FromFloat(outQ.Scale);
        if (difference.IsNegative) difference = -difference;
        // TFLM accepts |input scale − output scale| ≤ 1e-6, computed in double.
        SoftDouble tolerance = SoftDouble.One / SoftDouble.FromInt32(1000000);
        if (!(difference <= tolerance))
            return errors.Fail(Status.Error, "input scale "u8).Append(inQ.Scale).Append(" and output scale "u8).Append(outQ.Scale)
                .Append(" differ"u8);
        if (inQ.ZeroPoint != outQ.ZeroPoint)
            return errors.Fail(Status.Error, "input zero point "u8).Append(inQ.ZeroPoint).Append(" and output zero point "u8)
                .Append(outQ.ZeroPoint).Append(" differ"u8);
        return QuantizationMath.CalculateActivationRangeQuantized(errors, activation, output.Type, outQ.Scale, outQ.ZeroPoint,
            out data->ActivationMin, out data->ActivationMax);
    }

    /// <summary>The geometry of one node for <see cref="PoolingMath"/>, from its OpData and run-time shapes.</summary>
    public static PoolingMath.Geometry Geometry(PoolingOpData* data, ref EvalTensor input, ref EvalTensor output)
    {
        PoolingMath.Geometry g;
        g.Batches = input.Dim(0);
        g.InputHeight = input.Dim(1);
        g.InputWidth = input.Dim(2);
        g.Depth = input.Dim(3);
        g.OutputHeight = output.Dim(1);
        g.OutputWidth = output.Dim(2);
        g.StrideHeight = data->StrideHeight;
        g.StrideWidth = data->StrideWidth;
        g.FilterHeight = data->FilterHeight;
        g.FilterWidth = data->FilterWidth;
        g.PaddingHeight = data->PaddingHeight;
        g.PaddingWidth = data->PaddingWidth;
        return g;
    }
}

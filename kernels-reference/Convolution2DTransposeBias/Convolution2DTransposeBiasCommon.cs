using System;
using System.Buffers.Binary;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Prepare of MediaPipe's custom op "Convolution2DTransposeBias" (mediapipe/util/tflite/operations/transpose_conv_bias.cc):
/// a float32 transpose convolution with a bias, used by MediaPipe's segmentation and landmark models. Inputs: 0 data
/// [N, H, W, I], 1 weights [O, KH, KW, I], 2 bias [O]; output [N, OH, OW, O]. The custom options are TFLite's
/// TfLiteTransposeConvParams struct as raw bytes: int32 padding (TfLitePadding: 1 SAME, 2 VALID; 0 behaves as VALID),
/// int32 stride_width, int32 stride_height (later fields, if present, are ignored, as MediaPipe ignores them).
/// MediaPipe computes the output size from the input: OH = stride_h·(H − 1) + KH − total padding, where SAME pads
/// max(0, KH − (H − 1) mod stride_h − 1) rows in total and the data starts total/2 rows in (likewise for width);
/// TfLiteMicro has no dynamic shapes, so the output tensor must already have that shape.
/// </summary>
public static unsafe class Convolution2DTransposeBiasCommon
{
    public const int InputTensor = 0;
    public const int WeightsTensor = 1;
    public const int BiasTensor = 2;
    public const int OutputTensor = 0;

    /// <summary>Bytes of the options MediaPipe reads: padding, stride_width, stride_height.</summary>
    public const int OptionsBytes = 12;

    private const int PaddingUnknown = 0, PaddingSame = 1, PaddingValid = 2;

    public static Status Init(KernelContext context, ref Node node) => TransposeConvCommon.Init(context, ref node);

    public static Status Prepare(KernelContext context, ref Node node)
    {
        ErrorReporter errors = context.Errors;
        if (node.InputCount != 3 || node.OutputCount != 1)
            return errors.Fail(Status.Error, "expects 3 inputs (data, weights, bias) and 1 output, got "u8).Append(node.InputCount)
                .Append(" inputs and "u8).Append(node.OutputCount).Append(" outputs"u8);
        if (node.CustomOptions == null || node.CustomOptionsLength < OptionsBytes)
            return errors.Fail(Status.Error, "custom options must hold padding, stride_width and stride_height ("u8).Append(OptionsBytes)
                .Append(" bytes), got "u8).Append(node.CustomOptionsLength);
        var options = new ReadOnlySpan<byte>(node.CustomOptions, OptionsBytes);
        int padding = BinaryPrimitives.ReadInt32LittleEndian(options);
        int strideWidth = BinaryPrimitives.ReadInt32LittleEndian(options.Slice(4));
        int strideHeight = BinaryPrimitives.ReadInt32LittleEndian(options.Slice(8));
        if (padding != PaddingUnknown && padding != PaddingSame && padding != PaddingValid)
            return errors.Fail(Status.Error, "unknown padding "u8).Append(padding).Append(" (1 SAME, 2 VALID)"u8);
        if (strideWidth < 1 || strideHeight < 1)
            return errors.Fail(Status.Error, "strides must be at least 1, got width "u8).Append(strideWidth).Append(", height "u8).Append(strideHeight);

        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo weights = context.GetInputInfo(ref node, WeightsTensor);
        TensorInfo bias = context.GetInputInfo(ref node, BiasTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        if (!input.Exists || !weights.Exists || !bias.Exists)
            return errors.Fail(Status.Error, "data, weights and bias inputs are all required"u8);
        Status status = context.ExpectType(input, TensorType.Float32, "input"u8);
        if (status == Status.Ok) status = context.ExpectType(weights, TensorType.Float32, "weights"u8);
        if (status == Status.Ok) status = context.ExpectType(bias, TensorType.Float32, "bias"u8);
        if (status == Status.Ok) status = context.ExpectType(output, TensorType.Float32, "output"u8);
        if (status == Status.Ok) status = ConvolutionChecks.ExpectRank4(context, input, "input"u8);
        if (status == Status.Ok) status = ConvolutionChecks.ExpectRank4(context, weights, "weights"u8);
        if (status == Status.Ok) status = ConvolutionChecks.ExpectRank4(context, output, "output"u8);
        if (status != Status.Ok) return status;
        if (bias.Rank != 1 || bias.Dim(0) != weights.Dim(0))
            return errors.Fail(Status.Error, "bias tensor "u8).Append(bias.Index).Append(" must be ["u8).Append(weights.Dim(0))
                .Append("] (one per output channel)"u8);
        if (weights.Dim(3) != input.Dim(3))
            return errors.Fail(Status.Error, "weights tensor "u8).Append(weights.Index).Append(" has "u8).Append(weights.Dim(3))
                .Append(" input channels, input tensor "u8).Append(input.Index).Append(" has "u8).Append(input.Dim(3));

        TransposeConvOpData* data = (TransposeConvOpData*)node.UserData;
        ref ConvolutionGeometry g = ref data->Geometry;
        g.Batches = input.Dim(0);
        g.InputHeight = input.Dim(1);
        g.InputWidth = input.Dim(2);
        g.InputDepth = input.Dim(3);
        g.FilterHeight = weights.Dim(1);
        g.FilterWidth = weights.Dim(2);
        g.FilterInputDepth = weights.Dim(3);
        g.OutputDepth = weights.Dim(0);
        g.StrideHeight = strideHeight;
        g.StrideWidth = strideWidth;
        g.DilationHeight = 1;
        g.DilationWidth = 1;
        g.DepthMultiplier = 1;
        bool same = padding == PaddingSame;
        int totalHeight = TotalPadding(same, g.FilterHeight, g.InputHeight, strideHeight);
        int totalWidth = TotalPadding(same, g.FilterWidth, g.InputWidth, strideWidth);
        g.PaddingHeight = totalHeight / 2;
        g.PaddingWidth = totalWidth / 2;
        long outputHeight = (long)strideHeight * (g.InputHeight - 1) + g.FilterHeight - totalHeight;
        long outputWidth = (long)strideWidth * (g.InputWidth - 1) + g.FilterWidth - totalWidth;
        if (g.InputHeight < 1 || g.InputWidth < 1 || output.Dim(0) != g.Batches || output.Dim(1) != outputHeight
            || output.Dim(2) != outputWidth || output.Dim(3) != g.OutputDepth)
            return errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" must be ["u8).Append(g.Batches).Append(", "u8)
                .Append(outputHeight).Append(", "u8).Append(outputWidth).Append(", "u8).Append(g.OutputDepth).Append("] (MediaPipe's output size), is ["u8)
                .Append(output.Dim(0)).Append(", "u8).Append(output.Dim(1)).Append(", "u8).Append(output.Dim(2)).Append(", "u8).Append(output.Dim(3)).Append(']');
        g.OutputHeight = (int)outputHeight;
        g.OutputWidth = (int)outputWidth;
        return Status.Ok;
    }

    /// <summary>MediaPipe's total padding along one axis: SAME pads max(0, filter − (input − 1) mod stride − 1), VALID none.</summary>
    public static int TotalPadding(bool same, int filter, int input, int stride) =>
        same ? Math.Max(0, filter - (input - 1) % stride - 1) : 0;
}

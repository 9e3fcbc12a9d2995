using System;
using TfLiteMicro.Core.Tests.FlexBuffers;
using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Memory;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Core.Tests.Interpreter;

/// <summary>
/// Models whose 8-byte values are only 4-byte aligned, as a Silicon Labs keyword spotter and two OpenMV hand/palm
/// models write their int64 zero points: FlatBuffers' verifier checks only the alignment of a vector's length word
/// and TFLM runs them, so they must load and run here, with the same results as the aligned layout. Covered: int64
/// zero points (per tensor, read by QUANTIZE/DEQUANTIZE, and a hybrid FULLY_CONNECTED's weight zero point), FlexBuffer
/// doubles in custom options, and the 8-byte offset/size fields of external buffers.
/// </summary>
public unsafe class EightByteAlignmentTests
{
    private const int Quantize = 114, Dequantize = 6, FullyConnected = 9;

    private static readonly float[] Input = { -1.7f, 0.26f, 3.1f, -0.4f };
    private static readonly sbyte[] Weights = { 3, -7, 12, 0, -1, 5, -128, 127 };

    /// <summary>float → QUANTIZE (scale 0.5, zero point 7) → DEQUANTIZE → float, and float → hybrid FC (int8 weights, zero point −3).</summary>
    private static byte[] BuildModel(int eightByteOffset, bool externalBuffers)
    {
        var builder = new TfLiteModelBuilder { EightByteValueOffset = eightByteOffset, ExternalBuffers = externalBuffers };
        SubgraphBuilder graph = builder.AddSubgraph();
        int input = graph.AddTensor(TensorType.Float32, new[] { 1, 4 });
        int quantized = graph.AddTensor(TensorType.Int8, new[] { 1, 4 }, scales: new[] { 0.5f }, zeroPoints: new long[] { 7 });
        int roundTrip = graph.AddTensor(TensorType.Float32, new[] { 1, 4 });
        int weights = graph.AddTensor(TensorType.Int8, new[] { 2, 4 }, TfLiteModelBuilder.Bytes(Weights), new[] { 0.25f }, new long[] { -3 });
        int fc = graph.AddTensor(TensorType.Float32, new[] { 1, 2 });
        graph.AddOperator(Quantize, new[] { input }, new[] { quantized });
        graph.AddOperator(Dequantize, new[] { quantized }, new[] { roundTrip });
        graph.AddOperator(FullyConnected, new[] { input, weights, -1 }, new[] { fc });
        graph.SetInputs(input).SetOutputs(roundTrip, fc);
        return builder.Build();
    }

    private static float[] Expected()
    {
        float[] expected = new float[6];
        for (int i = 0; i < 4; i++)
        {
            int q = Math.Clamp((int)MathF.Round(Input[i] / 0.5f, MidpointRounding.ToEven) + 7, -128, 127);
            expected[i] = 0.5f * (q - 7);
        }
        for (int o = 0; o < 2; o++)
        {
            float sum = 0f;
            for (int k = 0; k < 4; k++) sum += Input[k] * (0.25f * (Weights[4 * o + k] + 3));
            expected[4 + o] = sum;
        }
        return expected;
    }

    private static float[] Run(LoadedModel model)
    {
        var resolver = new OpResolver();
        Assert.Equal(Status.Ok, ReferenceKernels.AddAll(resolver));
        using var arena = new NativeArena(1 << 16);
        var interpreter = new MicroInterpreter(model.Model, resolver, arena.Pointer, arena.Size);
        Assert.True(interpreter.AllocateTensors() == Status.Ok, interpreter.Errors.MessageText);
        Input.AsSpan().CopyTo(interpreter.Input(0).DataAs<float>());
        Assert.True(interpreter.Invoke() == Status.Ok, interpreter.Errors.MessageText);
        float[] result = new float[6];
        interpreter.Output(0).DataAs<float>().CopyTo(result);
        interpreter.Output(1).DataAs<float>().CopyTo(result.AsSpan(4));
        return result;
    }

    private static long ModelOffset(LoadedModel model, void* pointer) => (byte*)pointer - model.Pointer;

    [Theory]
    [InlineData(0, false)]
    [InlineData(4, false)]
    [InlineData(0, true)]
    [InlineData(4, true)]
    public void EightByteValuesAtFourModEightLoadAndRun(int offset, bool externalBuffers)
    {
        using var model = new LoadedModel(BuildModel(offset, externalBuffers));
        SubGraph graph = model.Model.GetSubgraph(0);
        // The layout is really the one under test: both zero point vectors' elements sit at `offset` mod 8.
        foreach (int t in new[] { 1, 3 })
        {
            LongVector zeroPoints = graph.GetTensor(t).Quantization.ZeroPoint;
            Assert.Equal(offset, ModelOffset(model, zeroPoints.Items) % 8);
        }
        Assert.Equal(7, graph.GetTensor(1).Quantization.ZeroPoint[0]);
        Assert.Equal(-3, graph.GetTensor(3).Quantization.ZeroPoint[0]);
        if (externalBuffers)
        {
            Table weightsBuffer = model.Model.Table.GetTableVector(SchemaFieldIds.Model.Buffers)[graph.GetTensor(3).BufferIndex];
            Assert.Equal(offset, ModelOffset(model, weightsBuffer.GetFieldPointer(SchemaFieldIds.Buffer.Offset)) % 8);
            Assert.Equal(offset, ModelOffset(model, weightsBuffer.GetFieldPointer(SchemaFieldIds.Buffer.Size)) % 8);
            Assert.Equal(Weights.Length, model.Model.GetBuffer(graph.GetTensor(3).BufferIndex).Length);
        }

        float[] actual = Run(model);
        float[] expected = Expected();
        for (int i = 0; i < expected.Length; i++) Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-5f + 1e-5f * Math.Abs(expected[i]), $"output {i}: {actual[i]} vs {expected[i]}");
    }

    [Fact]
    public void MisalignedZeroPointVectorOutOfBoundsIsStillRejected()
    {
        byte[] bytes = BuildModel(4, false);
        using (var model = new LoadedModel(bytes))
        {
            // Patch the length word of the weights' zero point vector (4 mod 8 elements) to run past the end.
            long at = ModelOffset(model, model.Model.GetSubgraph(0).GetTensor(3).Quantization.ZeroPoint.Items) - 4;
            BitConverter.GetBytes(bytes.Length / 8).CopyTo(bytes, (int)at);
        }
        using var buffer = new ModelBuffer(bytes);
        var errors = new ErrorReporter();
        Assert.Equal(Status.MalformedModel, buffer.TryLoadModel(errors, out _));
        Assert.Contains("zero_point: vector at offset", errors.MessageText);
        Assert.Contains("elements of 8 bytes extends past the buffer end", errors.MessageText);
    }

    /// <summary>TFLite_Detection_PostProcess options as FlexBuffer doubles (8-byte slots) at 4 mod 8 give the float32-option results.</summary>
    [Fact]
    public void FlexBufferDoublesAtFourModEightInCustomOptions()
    {
        float[] narrow = RunDetection(Options(4), 0);
        float[] wide = RunDetection(Options(8), 4);
        Assert.Equal(narrow, wide);
        Assert.Equal(2f, narrow[^1]); // two detections above the threshold
    }

    private static byte[] Options(int width) => new TestFlexBufferWriter()
        .Int("max_detections", 3).Int("max_classes_per_detection", 1).Int("detections_per_class", 1)
        .Float("nms_score_threshold", 0.5).Float("nms_iou_threshold", 0.5).Int("num_classes", 1)
        .Float("y_scale", 10.0).Float("x_scale", 10.0).Float("h_scale", 5.0).Float("w_scale", 5.0)
        .Build(width);

    private static float[] RunDetection(byte[] options, int offset)
    {
        var builder = new TfLiteModelBuilder { EightByteValueOffset = offset };
        SubgraphBuilder graph = builder.AddSubgraph();
        float[] anchors = { 0.5f, 0.5f, 1f, 1f, 0.5f, 10.5f, 1f, 1f, 0.5f, 20.5f, 1f, 1f };
        int boxes = graph.AddTensor(TensorType.Float32, new[] { 1, 3, 4 });
        int scores = graph.AddTensor(TensorType.Float32, new[] { 1, 3, 2 });
        int anchorTensor = graph.AddTensor(TensorType.Float32, new[] { 3, 4 }, TfLiteModelBuilder.Bytes(anchors));
        int outBoxes = graph.AddTensor(TensorType.Float32, new[] { 1, 3, 4 });
        int outClasses = graph.AddTensor(TensorType.Float32, new[] { 1, 3 });
        int outScores = graph.AddTensor(TensorType.Float32, new[] { 1, 3 });
        int count = graph.AddTensor(TensorType.Float32, new[] { 1 });
        graph.AddCustomOperator("TFLite_Detection_PostProcess", new[] { boxes, scores, anchorTensor }, new[] { outBoxes, outClasses, outScores, count }, options);
        graph.SetInputs(boxes, scores).SetOutputs(outBoxes, outClasses, outScores, count);
        using var model = new LoadedModel(builder.Build());
        Operator op = model.Model.GetSubgraph(0).GetOperator(0);
        Assert.Equal(offset, ModelOffset(model, op.CustomOptionsPointer) % 8);

        var resolver = new OpResolver();
        Assert.Equal(Status.Ok, ReferenceKernels.AddAll(resolver));
        using var arena = new NativeArena(1 << 16);
        var interpreter = new MicroInterpreter(model.Model, resolver, arena.Pointer, arena.Size);
        Assert.True(interpreter.AllocateTensors() == Status.Ok, interpreter.Errors.MessageText);
        interpreter.Input(0).DataAs<float>().Clear();
        new float[] { 0f, 0.9f, 0f, 0.8f, 0f, 0.1f }.CopyTo(interpreter.Input(1).DataAs<float>());
        // Slots past the detections found are not written (as in TFLM): clear them so both runs compare equal there.
        for (int o = 0; o < 4; o++) interpreter.Output(o).DataAs<float>().Clear();
        Assert.True(interpreter.Invoke() == Status.Ok, interpreter.Errors.MessageText);
        var result = new System.Collections.Generic.List<float>();
        for (int o = 0; o < 4; o++) result.AddRange(interpreter.Output(o).DataAs<float>().ToArray());
        return result.ToArray();
    }
}

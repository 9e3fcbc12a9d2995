using System;
using System.Collections.Generic;
using System.Text;
using Xunit;

namespace TfLiteMicro.Schema.Tests;

/// <summary>Reads the real shared models and checks facts stated in /work/shared/models/README.md.</summary>
public unsafe class ModelReadingTests
{
    public static IEnumerable<object[]> AllModels()
    {
        foreach (string id in TestData.Models.Ids()) yield return new object[] { id };
    }

    [Theory]
    [MemberData(nameof(AllModels))]
    public void EverySharedModelVerifiesAndReads(string id)
    {
        using var buffer = ModelBuffer.FromFile(TestData.ModelFile(id));
        var errors = new ErrorReporter();
        Status status = buffer.TryLoadModel(errors, out Model model);
        Assert.True(status == Status.Ok, id + ": " + errors.MessageText);
        Assert.Equal(3u, model.Version);
        Assert.True(model.SubgraphCount >= 1);
        // Walk everything through the accessors: all reads must land inside the model bytes.
        for (int s = 0; s < model.SubgraphCount; s++)
        {
            SubGraph subgraph = model.GetSubgraph(s);
            for (int t = 0; t < subgraph.TensorCount; t++)
            {
                Tensor tensor = subgraph.GetTensor(t);
                Buffer data = model.GetBuffer(tensor.BufferIndex);
                if (data.Length > 0) AssertInside(buffer, data.Data, data.Length);
                AssertInside(buffer, (byte*)tensor.Shape.Items, tensor.Shape.Count * 4);
            }
            for (int o = 0; o < subgraph.OperatorCount; o++)
            {
                Operator op = subgraph.GetOperator(o);
                Assert.InRange(op.OpcodeIndex, 0, model.OperatorCodeCount - 1);
                foreach (int input in op.Inputs.AsSpan()) Assert.InRange(input, -1, subgraph.TensorCount - 1);
                if (op.CustomOptionsLength > 0) AssertInside(buffer, op.CustomOptionsPointer, op.CustomOptionsLength);
            }
        }
    }

    [Fact]
    public void HelloWorldInt8HasThreeFullyConnectedAndQuantizedInput()
    {
        using var buffer = ModelBuffer.FromFile(TestData.ModelFile("hello_world_int8"));
        Model model = Load(buffer);
        SubGraph main = model.GetSubgraph(0);
        Assert.Equal(new[] { "FULLY_CONNECTED", "FULLY_CONNECTED", "FULLY_CONNECTED" }, OpNames(model, 0));

        Tensor input = main.GetTensor(main.Inputs[0]);
        Assert.Equal(TensorType.Int8, input.Type);
        Assert.Equal(new[] { 1, 1 }, input.Shape.AsSpan().ToArray());
        Assert.True(input.HasQuantization);
        Assert.Equal(0.0244801f, input.Quantization.Scale[0], 5);
        Assert.Equal(-128L, input.Quantization.ZeroPoint[0]);

        Tensor output = main.GetTensor(main.Outputs[0]);
        Assert.Equal(TensorType.Int8, output.Type);
        Assert.Equal(0.00829096f, output.Quantization.Scale[0], 6);
        Assert.Equal(5L, output.Quantization.ZeroPoint[0]);

        // Every FULLY_CONNECTED carries FullyConnectedOptions; weights are constant int8 data of shape × 1 byte.
        for (int o = 0; o < main.OperatorCount; o++)
        {
            Operator op = main.GetOperator(o);
            Assert.Equal(BuiltinOptions.FullyConnectedOptions, op.BuiltinOptionsType);
            var options = new FullyConnectedOptions(op.BuiltinOptions);
            Assert.True(options.IsPresent);
            Assert.Equal(FullyConnectedOptionsWeightsFormat.DEFAULT, options.WeightsFormat);
            Tensor weights = main.GetTensor(op.Inputs[1]);
            Assert.Equal(TensorType.Int8, weights.Type);
            Assert.Equal(weights.Shape[0] * weights.Shape[1], model.GetBuffer(weights.BufferIndex).Length);
        }
        // The first two layers use RELU, the last none.
        Assert.Equal(ActivationFunctionType.RELU, new FullyConnectedOptions(main.GetOperator(0).BuiltinOptions).FusedActivationFunction);
        Assert.Equal(ActivationFunctionType.NONE, new FullyConnectedOptions(main.GetOperator(2).BuiltinOptions).FusedActivationFunction);
    }

    [Fact]
    public void IntVectorLengthPrefixedHasTfLiteIntArrayLayout()
    {
        using var buffer = ModelBuffer.FromFile(TestData.ModelFile("hello_world_float"));
        Model model = Load(buffer);
        Operator op = model.GetSubgraph(0).GetOperator(0);
        IntVector inputs = op.Inputs;
        Assert.Equal(inputs.Count, inputs.LengthPrefixed[0]);
        for (int i = 0; i < inputs.Count; i++) Assert.Equal(inputs[i], inputs.LengthPrefixed[1 + i]);
        Assert.True(inputs.Items == inputs.LengthPrefixed + 1);
        Assert.Equal(0, inputs[inputs.Count]); // out of range: 0, never a read past the vector
        Assert.Equal(0, op.Intermediates.Count);
        Assert.True(op.Intermediates.LengthPrefixed == null);
    }

    [Theory]
    [InlineData("micro_speech_quantized", "DEPTHWISE_CONV_2D,FULLY_CONNECTED,RESHAPE,SOFTMAX", TensorType.Int8, new[] { 1, 1960 }, TensorType.Int8, new[] { 1, 4 })]
    [InlineData("mlperf_ic_int8", "ADD,AVERAGE_POOL_2D,CONV_2D,FULLY_CONNECTED,RESHAPE,SOFTMAX", TensorType.Int8, new[] { 1, 32, 32, 3 }, TensorType.Int8, new[] { 1, 10 })]
    [InlineData("keyword_scrambled", "FULLY_CONNECTED,QUANTIZE,SOFTMAX,SVDF", TensorType.Int16, new[] { 1, 96 }, TensorType.Int32, new[] { 1, 2 })]
    [InlineData("mnist_lstm_float", "FULLY_CONNECTED,RESHAPE,SOFTMAX,UNIDIRECTIONAL_SEQUENCE_LSTM", TensorType.Float32, new[] { 1, 28, 28 }, TensorType.Float32, new[] { 1, 10 })]
    [InlineData("seanet_conv_conv0", "CONV_2D", TensorType.Int16, new[] { 1, 8, 166, 2 }, TensorType.Int16, new[] { 1, 2, 160, 8 })]
    public void ModelFactsMatchReadme(string id, string opNames, TensorType inputType, int[] inputShape, TensorType outputType, int[] outputShape)
    {
        using var buffer = ModelBuffer.FromFile(TestData.ModelFile(id));
        Model model = Load(buffer);
        var distinct = new SortedSet<string>(OpNames(model, 0), StringComparer.Ordinal);
        Assert.Equal(opNames, string.Join(",", distinct));
        SubGraph main = model.GetSubgraph(0);
        Tensor input = main.GetTensor(main.Inputs[0]);
        Tensor output = main.GetTensor(main.Outputs[0]);
        Assert.Equal(inputType, input.Type);
        Assert.Equal(inputShape, input.Shape.AsSpan().ToArray());
        Assert.Equal(outputType, output.Type);
        Assert.Equal(outputShape, output.Shape.AsSpan().ToArray());
    }

    [Fact]
    public void CustomOperatorsHaveNamesAndFlexbufferOptions()
    {
        using var buffer = ModelBuffer.FromFile(TestData.ModelFile("micro_speech_audio_preprocessor_int8"));
        Model model = Load(buffer);
        var customNames = new List<string>();
        SubGraph main = model.GetSubgraph(0);
        for (int o = 0; o < main.OperatorCount; o++)
        {
            Operator op = main.GetOperator(o);
            OperatorCode code = model.GetOperatorCode(op.OpcodeIndex);
            if (code.BuiltinCode != BuiltinOperator.CUSTOM) continue;
            customNames.Add(Encoding.ASCII.GetString(code.CustomCode.Bytes));
            Assert.True(op.CustomOptionsLength > 0);
            Assert.Equal(CustomOptionsFormat.FLEXBUFFERS, op.CustomOptionsFormat);
        }
        Assert.Contains("SignalWindow", customNames);
        Assert.Contains("SignalRfft", customNames);
        Assert.Equal(9, customNames.Count);
    }

    [Fact]
    public void OptionTablesReadFieldsAndDefaults()
    {
        using var buffer = ModelBuffer.FromFile(TestData.ModelFile("person_detect"));
        Model model = Load(buffer);
        SubGraph main = model.GetSubgraph(0);
        bool sawConv = false, sawDepthwise = false, sawPool = false, sawSoftmax = false;
        for (int o = 0; o < main.OperatorCount; o++)
        {
            Operator op = main.GetOperator(o);
            switch (model.GetOperatorCode(op.OpcodeIndex).BuiltinCode)
            {
                case BuiltinOperator.CONV_2D:
                    var conv = new Conv2DOptions(op.BuiltinOptions);
                    Assert.InRange(conv.StrideW, 1, 2);
                    Assert.Equal(1, conv.DilationWFactor);
                    sawConv = true;
                    break;
                case BuiltinOperator.DEPTHWISE_CONV_2D:
                    var depthwise = new DepthwiseConv2DOptions(op.BuiltinOptions);
                    Assert.Equal(Padding.SAME, depthwise.Padding);
                    // depth_multiplier is redundant; old converters stored the channel count in it.
                    Assert.True(depthwise.DepthMultiplier >= 1);
                    Assert.Equal(1, depthwise.DilationWFactor);
                    sawDepthwise = true;
                    break;
                case BuiltinOperator.AVERAGE_POOL_2D:
                    var pool = new Pool2DOptions(op.BuiltinOptions);
                    Assert.Equal(Padding.VALID, pool.Padding);
                    Assert.Equal(3, pool.FilterWidth);
                    sawPool = true;
                    break;
                case BuiltinOperator.SOFTMAX:
                    Assert.Equal(1.0f, new SoftmaxOptions(op.BuiltinOptions).Beta);
                    sawSoftmax = true;
                    break;
            }
        }
        Assert.True(sawConv && sawDepthwise && sawPool && sawSoftmax);

        // Absent tables give schema defaults.
        var absent = new Conv2DOptions(default);
        Assert.False(absent.IsPresent);
        Assert.Equal(1, absent.DilationHFactor);
        Assert.True(new AddOptions(default).PotScaleInt16);
        Assert.Equal(TensorType.Int32, new UniqueOptions(default).IdxOutType);
        Assert.Equal(0, new ReshapeOptions(default).NewShape.Count);
    }

    [Fact]
    public void BuiltinOperatorNames()
    {
        Assert.Equal("FULLY_CONNECTED", BuiltinOperators.NameText(BuiltinOperator.FULLY_CONNECTED));
        Assert.Equal("ADD", BuiltinOperators.NameText((BuiltinOperator)0));
        Assert.Equal("STABLEHLO_CASE", BuiltinOperators.NameText((BuiltinOperator)209));
        Assert.Equal("UNKNOWN", BuiltinOperators.NameText((BuiltinOperator)5000));
        Assert.Equal(9, (int)BuiltinOperator.FULLY_CONNECTED);
        Assert.Equal(1, (int)BuiltinOptions.Conv2DOptions);
        Assert.Equal(8, (int)BuiltinOptions.FullyConnectedOptions);
    }

    [Fact]
    public void MetadataLookupByName()
    {
        foreach (string id in TestData.Models.Ids())
        {
            using var buffer = ModelBuffer.FromFile(TestData.ModelFile(id));
            Model model = Load(buffer);
            for (int m = 0; m < model.MetadataCount; m++)
            {
                Metadata metadata = model.GetMetadata(m);
                string name = Encoding.ASCII.GetString(metadata.Name.Bytes);
                Assert.True(model.TryGetMetadataBuffer(name, out Buffer found));
                Assert.True(found.Data == model.GetBuffer(metadata.BufferIndex).Data);
            }
            Assert.False(model.TryGetMetadataBuffer("no such metadata"u8, out _));
        }
    }

    internal static Model Load(ModelBuffer buffer)
    {
        var errors = new ErrorReporter();
        Status status = buffer.TryLoadModel(errors, out Model model);
        Assert.True(status == Status.Ok, errors.MessageText);
        return model;
    }

    internal static List<string> OpNames(Model model, int subgraphIndex)
    {
        var names = new List<string>();
        SubGraph subgraph = model.GetSubgraph(subgraphIndex);
        for (int o = 0; o < subgraph.OperatorCount; o++)
        {
            names.Add(BuiltinOperators.NameText(model.GetOperatorCode(subgraph.GetOperator(o).OpcodeIndex).BuiltinCode));
        }
        return names;
    }

    private static void AssertInside(ModelBuffer buffer, byte* pointer, int length)
    {
        if (length == 0) return;
        Assert.True(pointer >= buffer.Pointer && pointer + length <= buffer.Pointer + buffer.Length);
    }
}

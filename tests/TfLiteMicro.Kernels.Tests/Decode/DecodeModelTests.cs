using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Kernels.Tests.ControlFlow;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;
using static TfLiteMicro.Kernels.Tests.Decode.DecodeTestSupport;

namespace TfLiteMicro.Kernels.Tests.Decode;

/// <summary>
/// DECODE inside a model run by the interpreter: constant encoded and ancillary buffers from the FlatBuffer, the
/// decoded tensor consumed by the next operator, and a malformed ancillary buffer failing AllocateTensors cleanly.
/// </summary>
public class DecodeModelTests
{
    private static byte[] Model(byte[] ancillary)
    {
        var builder = new TfLiteModelBuilder();
        SubgraphBuilder graph = builder.AddSubgraph("main");
        int x = graph.AddTensor(TensorType.Float32, new[] { 8 });
        int encoded = graph.AddTensor(TensorType.UInt8, new[] { 2 }, new byte[] { 0x1B, 0xE4 });
        int tables = graph.AddTensor(TensorType.UInt8, new[] { ancillary.Length }, ancillary);
        int decoded = graph.AddTensor(TensorType.Float32, new[] { 8 });
        int sum = graph.AddTensor(TensorType.Float32, new[] { 8 });
        graph.AddCustomOperator("TFLM_DECODE", new[] { encoded, tables }, new[] { decoded });
        graph.AddOperator((int)BuiltinOperator.ADD, new[] { x, decoded }, new[] { sum });
        graph.SetInputs(x).SetOutputs(sum);
        return builder.Build();
    }

    private static byte[] FloatTable(byte version = 1) =>
        Ancillary(DecodeType.Lut, 2, 4, TfLiteModelBuilder.Bytes(0.5f, 1f, 2f, 4f), version: version);

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void DecodedWeightsFeedTheNextOperator(string implementation)
    {
        using ModelHarness harness = new ModelHarness(implementation, Model(FloatTable())).Allocated();
        harness.SetInput(0, 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f);
        harness.Invoke();
        // Indices 0 1 2 3 3 2 1 0 select 0.5 1 2 4 4 2 1 0.5.
        Assert.Equal(new[] { 1.5f, 3f, 5f, 8f, 9f, 8f, 8f, 8.5f }, harness.Output<float>(0));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void MalformedAncillaryFailsAllocateTensors(string implementation)
    {
        using ModelHarness harness = new ModelHarness(implementation, Model(FloatTable(version: 9)));
        Assert.NotEqual(Status.Ok, harness.Interpreter.AllocateTensors());
        Assert.Contains("output 0", harness.Message);
        Assert.Contains("version 9", harness.Message);
    }
}

using System;
using TfLiteMicro.Kernels.Tests.ControlFlow;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.ResourceVariables;

/// <summary>VAR_HANDLE, ASSIGN_VARIABLE, READ_VARIABLE: naming, default values, ordering, Reset, and errors.</summary>
public class ResourceVariableTests
{
    private static readonly int[] None = Array.Empty<int>();

    private static int VarHandle(SubgraphBuilder graph, string? container, string name)
    {
        int handle = graph.AddTensor(TensorType.Resource, None);
        graph.AddOperator((int)BuiltinOperator.VAR_HANDLE, None, new[] { handle }, (byte)BuiltinOptions.VarHandleOptions,
            ControlFlowModels.VarHandleOptions(container, name));
        return handle;
    }

    /// <summary>y = READ(v) before ASSIGN(v, x): each Invoke returns the previous input (the default value first).</summary>
    private static byte[] ReadThenAssign(TensorType type, float scale, long zeroPoint)
    {
        TfLiteModelBuilder builder = new TfLiteModelBuilder();
        SubgraphBuilder main = builder.AddSubgraph("main");
        int x = main.AddTensor(type, new[] { 4 }, scales: new[] { scale }, zeroPoints: new[] { zeroPoint });
        int y = main.AddTensor(type, new[] { 4 }, scales: new[] { scale }, zeroPoints: new[] { zeroPoint });
        int handle = VarHandle(main, "c", "delay");
        main.AddOperator((int)BuiltinOperator.READ_VARIABLE, new[] { handle }, new[] { y });
        main.AddOperator((int)BuiltinOperator.ASSIGN_VARIABLE, new[] { handle, x }, None);
        main.SetInputs(x).SetOutputs(y);
        return builder.Build();
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8VariableStartsAtItsZeroPointAndKeepsTheLastAssignment(string implementation)
    {
        using ModelHarness harness = new ModelHarness(implementation, ReadThenAssign(TensorType.Int8, 0.1f, -3)).Allocated();
        sbyte[] first = { -128, 0, 5, 127 };
        sbyte[] second = { 9, -9, 100, -100 };
        harness.SetInput(0, first);
        harness.Invoke();
        Assert.Equal(new sbyte[] { -3, -3, -3, -3 }, harness.Output<sbyte>(0));
        harness.SetInput(0, second);
        harness.Invoke();
        Assert.Equal(first, harness.Output<sbyte>(0));
        harness.Invoke();
        Assert.Equal(second, harness.Output<sbyte>(0));

        // Reset refills the variable with its default value.
        Assert.Equal(Status.Ok, harness.Interpreter.Reset());
        harness.Invoke();
        Assert.Equal(new sbyte[] { -3, -3, -3, -3 }, harness.Output<sbyte>(0));
    }

    [Fact]
    public void Int16VariableDefaultsToItsZeroPointLowByte()
    {
        // TFLM fills the buffer with the zero point cast to one byte (memset), whatever the type.
        using ModelHarness harness = new ModelHarness(KernelImplementations.Reference, ReadThenAssign(TensorType.Int16, 0.001f, 0)).Allocated();
        harness.SetInput(0, new short[] { 1000, -2000, 32767, -32768 });
        harness.Invoke();
        Assert.Equal(new short[4], harness.Output<short>(0));
        harness.Invoke();
        Assert.Equal(new short[] { 1000, -2000, 32767, -32768 }, harness.Output<short>(0));
    }

    [Fact]
    public void VariablesAreMatchedByContainerAndSharedName()
    {
        TfLiteModelBuilder builder = new TfLiteModelBuilder();
        SubgraphBuilder main = builder.AddSubgraph("main");
        int x = main.AddTensor(TensorType.Float32, new[] { 2 });
        int z = main.AddTensor(TensorType.Float32, new[] { 2 });
        int y0 = main.AddTensor(TensorType.Float32, new[] { 2 });
        int y1 = main.AddTensor(TensorType.Float32, new[] { 2 });
        int inA = VarHandle(main, "a", "v");
        main.AddOperator((int)BuiltinOperator.ASSIGN_VARIABLE, new[] { inA, x }, None);
        int inB = VarHandle(main, "b", "v");
        main.AddOperator((int)BuiltinOperator.ASSIGN_VARIABLE, new[] { inB, z }, None);
        int anyContainer = VarHandle(main, null, "v");
        main.AddOperator((int)BuiltinOperator.READ_VARIABLE, new[] { anyContainer }, new[] { y0 });
        main.AddOperator((int)BuiltinOperator.READ_VARIABLE, new[] { inB }, new[] { y1 });
        main.SetInputs(x, z).SetOutputs(y0, y1);

        using ModelHarness harness = new ModelHarness(KernelImplementations.Reference, builder.Build()).Allocated();
        Assert.Equal(2, harness.Interpreter.ResourceVariables!.Count);
        Assert.Equal(3, harness.Interpreter.ResourceVariables.Capacity);
        harness.SetInput(0, 1.25f, -7f);
        harness.SetInput(1, 3f, 0.5f);
        harness.Invoke();
        // The handle without a container finds the first variable named "v" (container "a"), as in TFLM.
        Assert.Equal(new[] { 1.25f, -7f }, harness.Output<float>(0));
        Assert.Equal(new[] { 3f, 0.5f }, harness.Output<float>(1));
    }

    [Fact]
    public void ReadingIntoATensorOfAnotherSizeFailsAtInvoke()
    {
        TfLiteModelBuilder builder = new TfLiteModelBuilder();
        SubgraphBuilder main = builder.AddSubgraph("main");
        int x = main.AddTensor(TensorType.Float32, new[] { 3 });
        int y = main.AddTensor(TensorType.Float32, new[] { 4 });
        int handle = VarHandle(main, "c", "v");
        main.AddOperator((int)BuiltinOperator.ASSIGN_VARIABLE, new[] { handle, x }, None);
        main.AddOperator((int)BuiltinOperator.READ_VARIABLE, new[] { handle }, new[] { y });
        main.SetInputs(x).SetOutputs(y);

        using ModelHarness harness = new ModelHarness(KernelImplementations.Reference, builder.Build()).Allocated();
        Assert.Equal(Status.InvalidArgument, harness.Interpreter.Invoke());
        Assert.Equal("READ_VARIABLE (subgraph 0, node 2) Invoke: cannot read resource variable 0 of 12 bytes with a tensor of 16 bytes", harness.Message);
    }

    [Fact]
    public void ReadingAVariableNobodyAssignsFailsAtInvoke()
    {
        TfLiteModelBuilder builder = new TfLiteModelBuilder();
        SubgraphBuilder main = builder.AddSubgraph("main");
        int y = main.AddTensor(TensorType.Float32, new[] { 2 });
        int handle = VarHandle(main, "c", "v");
        main.AddOperator((int)BuiltinOperator.READ_VARIABLE, new[] { handle }, new[] { y });
        main.SetInputs().SetOutputs(y);

        using ModelHarness harness = new ModelHarness(KernelImplementations.Reference, builder.Build()).Allocated();
        Assert.Equal(Status.InvalidState, harness.Interpreter.Invoke());
        Assert.Contains("cannot read resource variable 0: no ASSIGN_VARIABLE allocated its buffer", harness.Message);
    }

    public static TheoryData<string, string> RejectedModels() => new TheoryData<string, string>
    {
        { "read type", "READ_VARIABLE (subgraph 0, node 0) Prepare: resource id tensor 0 has type FLOAT32, expected RESOURCE or INT32" },
        { "read size", "READ_VARIABLE (subgraph 0, node 0) Prepare: resource id tensor 2 has 2 elements, expected 1" },
        { "assign counts", "ASSIGN_VARIABLE (subgraph 0, node 1) Prepare: expected 2 inputs and 0 outputs, got 1 and 0" },
        { "handle counts", "VAR_HANDLE (subgraph 0, node 0) Prepare: expected 0 inputs and 1 outputs, got 1 and 1" },
    };

    [Theory]
    [MemberData(nameof(RejectedModels))]
    public void PrepareRejectsMalformedNodes(string what, string message)
    {
        TfLiteModelBuilder builder = new TfLiteModelBuilder();
        SubgraphBuilder main = builder.AddSubgraph("main");
        int x = main.AddTensor(TensorType.Float32, new[] { 2 });
        int y = main.AddTensor(TensorType.Float32, new[] { 2 });
        switch (what)
        {
            case "read type":
                main.AddOperator((int)BuiltinOperator.READ_VARIABLE, new[] { x }, new[] { y });
                break;
            case "read size":
                int wide = main.AddTensor(TensorType.Int32, new[] { 2 });
                main.AddOperator((int)BuiltinOperator.READ_VARIABLE, new[] { wide }, new[] { y });
                break;
            case "assign counts":
                int handle = VarHandle(main, "c", "v");
                main.AddOperator((int)BuiltinOperator.ASSIGN_VARIABLE, new[] { handle }, None);
                break;
            default:
                int output = main.AddTensor(TensorType.Resource, None);
                main.AddOperator((int)BuiltinOperator.VAR_HANDLE, new[] { x }, new[] { output }, (byte)BuiltinOptions.VarHandleOptions,
                    ControlFlowModels.VarHandleOptions("c", "v"));
                break;
        }
        main.SetInputs(x).SetOutputs(y);
        using ModelHarness harness = new ModelHarness(KernelImplementations.Reference, builder.Build(), new InterpreterOptions { ResourceVariableCapacity = 2 });
        Assert.NotEqual(Status.Ok, harness.Interpreter.AllocateTensors());
        Assert.Equal(message, harness.Message);
    }
}

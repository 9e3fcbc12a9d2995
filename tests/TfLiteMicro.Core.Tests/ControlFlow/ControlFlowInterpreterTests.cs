using System;
using TfLiteMicro;
using TfLiteMicro.Core.Tests.Interpreter;
using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Memory;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Core.Tests.ControlFlow;

/// <summary>The interpreter side of control flow: running callee subgraphs, planning them, and resource variables.</summary>
public unsafe class ControlFlowInterpreterTests
{
    private static OpResolver Resolver(OpKernel? extra = null, string extraName = "PROBE")
    {
        OpResolver resolver = new OpResolver(16);
        Assert.Equal(Status.Ok, resolver.AddCustom("ADD_ONE", new AddOneKernel()));
        Assert.Equal(Status.Ok, resolver.AddIf());
        Assert.Equal(Status.Ok, resolver.AddVarHandle());
        Assert.Equal(Status.Ok, resolver.AddAssignVariable());
        Assert.Equal(Status.Ok, resolver.AddReadVariable());
        if (extra != null) Assert.Equal(Status.Ok, resolver.AddCustom(extraName, extra));
        return resolver;
    }

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 1)]
    public void IfRunsTheChosenBranchThroughTheInterpreter(bool condition, int added)
    {
        using LoadedModel model = new LoadedModel(ControlFlowTestModels.IfAddOne());
        using NativeArena arena = new NativeArena(8192);
        MicroInterpreter interpreter = new MicroInterpreter(model.Model, Resolver(), arena.Pointer, arena.Size);
        Assert.Equal(Status.Ok, interpreter.AllocateTensors());
        interpreter.Input(0).DataAs<bool>()[0] = condition;
        Span<sbyte> x = interpreter.Input(1).DataAs<sbyte>();
        for (int i = 0; i < x.Length; i++) x[i] = (sbyte)(i * 4 - 90);
        x[x.Length - 1] = 127;
        Assert.Equal(Status.Ok, interpreter.Invoke());
        Span<sbyte> y = interpreter.Output(0).DataAs<sbyte>();
        for (int i = 0; i < y.Length - 1; i++) Assert.Equal(i * 4 - 90 + added, y[i]);
        Assert.Equal(127, y[y.Length - 1]); // ADD_ONE saturates
        // The node's input is intact after the branch ran.
        for (int i = 0; i < x.Length - 1; i++) Assert.Equal(i * 4 - 90, x[i]);
    }

    [Fact]
    public void CalleeTensorsAreInsideTheCallingNodesLifetime()
    {
        using LoadedModel model = new LoadedModel(ControlFlowTestModels.IfAddOne());
        using NativeArena arena = new NativeArena(8192);
        MicroInterpreter interpreter = new MicroInterpreter(model.Model, Resolver(), arena.Pointer, arena.Size);
        Assert.Equal(Status.Ok, interpreter.AllocateTensors());

        // While IF runs, its inputs (cond, x) and output y are alive, and so is every tensor of either branch:
        // none of the then-branch's three tensors may share memory with them.
        TensorInfo[] caller = { interpreter.GetTensor(0, 0), interpreter.GetTensor(1, 0), interpreter.GetTensor(2, 0) };
        for (int t = 0; t < 3; t++)
        {
            TensorInfo callee = interpreter.GetTensor(t, 1);
            foreach (TensorInfo live in caller) Assert.False(Overlap(callee, live), "then-branch tensor " + t + " overlaps caller tensor " + live.Index);
        }
        // The branch's intermediate b overlaps neither its own input a nor its output c (ADD_ONE b → c).
        Assert.False(Overlap(interpreter.GetTensor(1, 1), interpreter.GetTensor(2, 1)));
        Assert.False(Overlap(interpreter.GetTensor(0, 1), interpreter.GetTensor(1, 1)));
        // The two branches run at different times, so the else-branch may reuse the then-branch's memory: the head
        // must be smaller than every tensor of every subgraph side by side.
        int allTensors = 3 * ControlFlowTestModels.Length + 1 + 3 * ControlFlowTestModels.Length + 2 * ControlFlowTestModels.Length;
        Assert.True(interpreter.ArenaUsage.HeadBytes < allTensors, "head " + interpreter.ArenaUsage.HeadBytes);
    }

    private static bool Overlap(TensorInfo a, TensorInfo b)
    {
        byte* aStart = (byte*)a.Data;
        byte* bStart = (byte*)b.Data;
        Assert.True(aStart != null && bStart != null);
        return aStart < bStart + b.ByteCount && bStart < aStart + a.ByteCount;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ASubgraphCalledFromTwoNodesIsPlannedForBoth(bool preserveAllTensors)
    {
        using LoadedModel model = new LoadedModel(ControlFlowTestModels.SharedCallee());
        using NativeArena arena = new NativeArena(8192);
        MicroInterpreter interpreter = new MicroInterpreter(model.Model, Resolver(), arena.Pointer, arena.Size,
            new InterpreterOptions { PreserveAllTensors = preserveAllTensors });
        Assert.Equal(Status.Ok, interpreter.AllocateTensors());

        // The callee runs inside both IF nodes: its tensors must overlap neither the first IF's x and y nor the
        // second IF's w and output. (TFLM keeps only the last call's lifetime, which lets x or y share memory
        // with the callee's tensors during the first call.)
        int[] callerTensors = { 1, 2, 4, 5 };
        for (int t = 0; t < 3; t++)
        {
            TensorInfo callee = interpreter.GetTensor(t, 1);
            foreach (int c in callerTensors)
            {
                Assert.False(Overlap(callee, interpreter.GetTensor(c, 0)), "callee tensor " + t + " overlaps caller tensor " + c);
            }
        }

        interpreter.Input(0).DataAs<bool>()[0] = true;
        Span<sbyte> x = interpreter.Input(1).DataAs<sbyte>();
        for (int i = 0; i < x.Length; i++) x[i] = (sbyte)(i - 20);
        Assert.Equal(Status.Ok, interpreter.Invoke());
        Span<sbyte> output = interpreter.Output(0).DataAs<sbyte>();
        for (int i = 0; i < output.Length; i++) Assert.Equal(i - 20 + 6, output[i]);
    }

    [Fact]
    public void ASubgraphCallingItselfIsRefused()
    {
        using LoadedModel model = new LoadedModel(ControlFlowTestModels.RecursiveIf());
        using NativeArena arena = new NativeArena(8192);
        MicroInterpreter interpreter = new MicroInterpreter(model.Model, Resolver(), arena.Pointer, arena.Size);
        Assert.Equal(Status.MalformedModel, interpreter.AllocateTensors());
        Assert.Contains("recursively", interpreter.Errors.MessageText);
    }

    [Fact]
    public void ACalleeFailureNamesBothNodes()
    {
        using LoadedModel model = new LoadedModel(ControlFlowTestModels.IfAddOne(elseOp: "FAIL"));
        using NativeArena arena = new NativeArena(8192);
        MicroInterpreter interpreter = new MicroInterpreter(model.Model, Resolver(new FailingInvokeKernel(), "FAIL"), arena.Pointer, arena.Size);
        Assert.Equal(Status.Ok, interpreter.AllocateTensors());
        interpreter.Input(0).DataAs<bool>()[0] = true;
        Assert.Equal(Status.Ok, interpreter.Invoke());
        interpreter.Input(0).DataAs<bool>()[0] = false;
        Assert.Equal(Status.Error, interpreter.Invoke());
        Assert.Equal("IF (subgraph 0, node 0) Invoke: FAIL (subgraph 2, node 0) Invoke: the branch refuses to run", interpreter.Errors.MessageText);
        // The interpreter is usable again afterwards (the current-node bookkeeping was restored).
        interpreter.Input(0).DataAs<bool>()[0] = true;
        Assert.Equal(Status.Ok, interpreter.Invoke());
    }

    [Fact]
    public void KernelsSeeOtherSubgraphsInputsAndOutputs()
    {
        SubgraphProbeKernel probe = new SubgraphProbeKernel();
        using LoadedModel model = new LoadedModel(ControlFlowTestModels.SingleCustom("PROBE"));
        using NativeArena arena = new NativeArena(8192);
        MicroInterpreter interpreter = new MicroInterpreter(model.Model, Resolver(probe), arena.Pointer, arena.Size);
        Assert.Equal(Status.Ok, interpreter.AllocateTensors());
        Assert.Equal(2, probe.SubgraphCount);
        Assert.Equal(1, probe.InputCount);
        Assert.Equal(1, probe.OutputCount);
        Assert.Equal(TensorType.Int8, probe.InputInfo.Type);
        Assert.Equal(new[] { 4 }, probe.InputInfo.Shape.ToArray());
        Assert.Equal(TensorType.Int16, probe.OutputInfo.Type);
        Assert.Equal(new[] { 2, 3 }, probe.OutputInfo.Shape.ToArray());
        Assert.Equal(1, probe.OutputInfo.Index);
        Assert.False(probe.OutOfRangeInfo.Exists);
        Assert.True(probe.InputPointerMatchesInfo);
        Assert.True(probe.OutOfRangePointerIsNull);
        Assert.False(probe.HasResourceVariables);
        Assert.Equal(Status.InvalidState, probe.InvokeInPrepare);
        Assert.Contains("only allowed in Invoke", probe.PrepareMessage);
    }

    [Fact]
    public void AContextWithoutAModelCannotRunSubgraphs()
    {
        using NativeArena arena = new NativeArena(256);
        ErrorReporter errors = new ErrorReporter();
        FakeKernelContext context = new FakeKernelContext(new ArenaAllocator(arena.Pointer, arena.Size), null, Array.Empty<TensorInfo>(), errors);
        Assert.Equal(1, context.SubgraphCount);
        Assert.Equal(0, context.SubgraphInputCount(0));
        Assert.True(context.GetSubgraphOutput(0, 0) == null);
        Assert.Null(context.ResourceVariables);
        Assert.Equal(Status.InvalidState, context.InvokeSubgraph(0));
        Assert.Contains("cannot run subgraphs", errors.MessageText);
    }

    [Theory]
    [InlineData(2, false, InterpreterOptions.AutomaticResourceVariableCapacity, 2)]
    [InlineData(2, true, InterpreterOptions.AutomaticResourceVariableCapacity, 2)]
    [InlineData(1, false, 5, 5)]
    public void ResourceVariableBudgetIsConfigurable(int handles, bool sameName, int capacity, int expectedCapacity)
    {
        using LoadedModel model = new LoadedModel(ControlFlowTestModels.Variables(handles, sameName));
        using NativeArena arena = new NativeArena(8192);
        MicroInterpreter interpreter = new MicroInterpreter(model.Model, Resolver(), arena.Pointer, arena.Size,
            new InterpreterOptions { ResourceVariableCapacity = capacity });
        Assert.Equal(Status.Ok, interpreter.AllocateTensors());
        Assert.NotNull(interpreter.ResourceVariables);
        Assert.Equal(expectedCapacity, interpreter.ResourceVariables!.Capacity);
        Assert.Equal(sameName ? 1 : handles, interpreter.ResourceVariables.Count);
        Assert.Equal(1, interpreter.ArenaUsage.Count(AllocationCategory.ResourceVariables));
        Assert.Equal(ResourceVariables.TableBytes(expectedCapacity), interpreter.ArenaUsage.RequestedBytes(AllocationCategory.ResourceVariables));

        Span<float> x = interpreter.Input(0).DataAs<float>();
        x[0] = 1.5f;
        x[1] = -2f;
        x[2] = 7.25f;
        Assert.Equal(Status.Ok, interpreter.Invoke());
        Assert.Equal(new[] { 1.5f, -2f, 7.25f }, interpreter.Output(0).DataAs<float>().ToArray());
    }

    [Fact]
    public void TooSmallABudgetFailsInVarHandlePrepare()
    {
        using LoadedModel model = new LoadedModel(ControlFlowTestModels.Variables(2, sameName: false));
        using NativeArena arena = new NativeArena(8192);
        MicroInterpreter interpreter = new MicroInterpreter(model.Model, Resolver(), arena.Pointer, arena.Size,
            new InterpreterOptions { ResourceVariableCapacity = 1 });
        Assert.Equal(Status.CapacityExceeded, interpreter.AllocateTensors());
        Assert.Equal("VAR_HANDLE (subgraph 0, node 2) Prepare: the resource variable budget of 1 variables is used up (InterpreterOptions.ResourceVariableCapacity)",
            interpreter.Errors.MessageText);
    }

    [Fact]
    public void ABudgetOfZeroDisablesResourceVariables()
    {
        using LoadedModel model = new LoadedModel(ControlFlowTestModels.Variables(1, sameName: false));
        using NativeArena arena = new NativeArena(8192);
        MicroInterpreter interpreter = new MicroInterpreter(model.Model, Resolver(), arena.Pointer, arena.Size,
            new InterpreterOptions { ResourceVariableCapacity = 0 });
        Assert.Equal(Status.Error, interpreter.AllocateTensors());
        Assert.Null(interpreter.ResourceVariables);
        Assert.StartsWith("VAR_HANDLE (subgraph 0, node 0) Prepare: VAR_HANDLE needs resource variables", interpreter.Errors.MessageText);
    }

    [Fact]
    public void NegativeBudgetOtherThanAutomaticIsRejected()
    {
        using LoadedModel model = new LoadedModel(ControlFlowTestModels.Variables(1, sameName: false));
        using NativeArena arena = new NativeArena(8192);
        MicroInterpreter interpreter = new MicroInterpreter(model.Model, Resolver(), arena.Pointer, arena.Size,
            new InterpreterOptions { ResourceVariableCapacity = -7 });
        Assert.Equal(Status.InvalidArgument, interpreter.AllocateTensors());
        Assert.Contains("-7", interpreter.Errors.MessageText);
    }

    [Fact]
    public void ModelsWithoutVarHandleGetNoTable()
    {
        using LoadedModel model = new LoadedModel(ControlFlowTestModels.IfAddOne());
        using NativeArena arena = new NativeArena(8192);
        MicroInterpreter interpreter = new MicroInterpreter(model.Model, Resolver(), arena.Pointer, arena.Size);
        Assert.Equal(Status.Ok, interpreter.AllocateTensors());
        Assert.Null(interpreter.ResourceVariables);
        Assert.Equal(0, interpreter.ArenaUsage.Count(AllocationCategory.ResourceVariables));
    }

    [Fact]
    public void SharedAllocatorConstructorTakesTheBudget()
    {
        using LoadedModel model = new LoadedModel(ControlFlowTestModels.Variables(1, sameName: false));
        using NativeArena arena = new NativeArena(8192);
        MicroAllocator allocator = new MicroAllocator(arena.Pointer, arena.Size);
        MicroInterpreter interpreter = new MicroInterpreter(model.Model, Resolver(), allocator, null, resourceVariableCapacity: 3);
        Assert.Equal(Status.Ok, interpreter.AllocateTensors());
        Assert.Equal(3, interpreter.ResourceVariables!.Capacity);
    }

    [Fact]
    public void ResetRefillsResourceVariables()
    {
        using LoadedModel model = new LoadedModel(ControlFlowTestModels.Variables(1, sameName: false));
        using NativeArena arena = new NativeArena(8192);
        MicroInterpreter interpreter = new MicroInterpreter(model.Model, Resolver(), arena.Pointer, arena.Size);
        Assert.Equal(Status.Ok, interpreter.AllocateTensors());
        interpreter.Input(0).DataAs<float>().Fill(3f);
        Assert.Equal(Status.Ok, interpreter.Invoke());
        ResourceVariables variables = interpreter.ResourceVariables!;
        Assert.Equal(3f, ((float*)variables.BufferOf(0))[2]);
        Assert.Equal(Status.Ok, interpreter.Reset());
        for (int i = 0; i < 3; i++) Assert.Equal(0f, ((float*)variables.BufferOf(0))[i]);
    }
}

using System;
using TfLiteMicro;
using TfLiteMicro.Memory;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Core.Tests.Interpreter;

public unsafe class MicroInterpreterTests
{
    private static OpResolver ResolverWith(OpKernel addOne)
    {
        OpResolver resolver = new OpResolver(4);
        Assert.Equal(Status.Ok, resolver.AddCustom("ADD_ONE", addOne));
        return resolver;
    }

    [Fact]
    public void ChainRunsEndToEnd()
    {
        using LoadedModel model = new LoadedModel(TestModels.Chain(length: 32, ops: 3));
        using NativeArena arena = new NativeArena(4096);
        MicroInterpreter interpreter = new MicroInterpreter(model.Model, ResolverWith(new AddOneKernel()), arena.Pointer, arena.Size);
        Assert.Equal(Status.Ok, interpreter.AllocateTensors());
        Span<sbyte> input = interpreter.Input(0).DataAs<sbyte>();
        Assert.Equal(32, input.Length);
        for (int i = 0; i < input.Length; i++) input[i] = (sbyte)(i - 16);
        input[31] = 126;
        Assert.Equal(Status.Ok, interpreter.Invoke());
        Span<sbyte> output = interpreter.Output(0).DataAs<sbyte>();
        for (int i = 0; i < 31; i++) Assert.Equal(i - 16 + 3, output[i]);
        Assert.Equal(127, output[31]);
    }

    [Fact]
    public void GreedyPlanReusesMemoryOfDeadTensors()
    {
        // Four 64-byte tensors in a chain: at most two are alive at once, so the head needs 128 bytes.
        using LoadedModel model = new LoadedModel(TestModels.Chain(length: 64, ops: 3));
        using NativeArena arena = new NativeArena(4096);
        MicroInterpreter interpreter = new MicroInterpreter(model.Model, ResolverWith(new AddOneKernel()), arena.Pointer, arena.Size);
        Assert.Equal(Status.Ok, interpreter.AllocateTensors());
        Assert.Equal(128, interpreter.ArenaUsage.HeadBytes);
        Assert.Equal(interpreter.ArenaUsage.HeadBytes + interpreter.ArenaUsage.TailBytes, interpreter.ArenaUsedBytes);
        Assert.Equal(4, interpreter.ArenaUsage.Count(AllocationCategory.PersistentBuffers) + 1);
    }

    [Fact]
    public void LinearPlannerPreservesEveryTensor()
    {
        using LoadedModel model = new LoadedModel(TestModels.Chain(length: 64, ops: 3));
        using NativeArena arena = new NativeArena(4096);
        MicroInterpreter interpreter = new MicroInterpreter(model.Model, ResolverWith(new AddOneKernel()), arena.Pointer, arena.Size,
            new InterpreterOptions { PreserveAllTensors = true });
        Assert.Equal(Status.Ok, interpreter.AllocateTensors());
        Assert.Equal(4 * 64, interpreter.ArenaUsage.HeadBytes);
        interpreter.Input(0).DataAs<sbyte>().Fill(10);
        Assert.Equal(Status.Ok, interpreter.Invoke());
        for (int t = 0; t < 4; t++)
        {
            Assert.Equal(10 + t, interpreter.GetTensor(t).DataAs<sbyte>()[0]);
        }
    }

    [Fact]
    public void ScratchBuffersArePlannedAndDoNotOverlapLiveTensors()
    {
        using LoadedModel model = new LoadedModel(TestModels.Chain(length: 64, ops: 2));
        using NativeArena arena = new NativeArena(4096);
        MicroInterpreter interpreter = new MicroInterpreter(model.Model, ResolverWith(new AddOneKernel(scratchBytes: 100)), arena.Pointer, arena.Size);
        Assert.Equal(Status.Ok, interpreter.AllocateTensors());
        // Each op has input, output (64 each) and a 112-byte (aligned) scratch alive together.
        Assert.Equal(64 + 64 + 112, interpreter.ArenaUsage.HeadBytes);
        interpreter.Input(0).DataAs<sbyte>().Fill(1);
        Assert.Equal(Status.Ok, interpreter.Invoke());
        // The kernel fills its scratch with 0xAB; if scratch overlapped a live tensor the result would be corrupted.
        Assert.All(interpreter.Output(0).DataAs<sbyte>().ToArray(), v => Assert.Equal(3, v));
    }

    [Fact]
    public void OfflinePlanPlacesTensorsAtTheGivenOffsets()
    {
        // Tensors 0..3; put tensor 1 at offset 256 and tensor 3 at offset 512 (offline), the rest online.
        using LoadedModel model = new LoadedModel(TestModels.Chain(length: 64, ops: 3, offlinePlan: new[] { -1, 256, -1, 512 }));
        using NativeArena arena = new NativeArena(8192);
        MicroInterpreter interpreter = new MicroInterpreter(model.Model, ResolverWith(new AddOneKernel()), arena.Pointer, arena.Size);
        Assert.Equal(Status.Ok, interpreter.AllocateTensors());
        byte* head = interpreter.Allocator.Arena.HeadStart;
        Assert.Equal(256, (int)((byte*)interpreter.GetTensor(1).Data - head));
        Assert.Equal(512, (int)((byte*)interpreter.GetTensor(3).Data - head));
        Assert.True(interpreter.ArenaUsage.HeadBytes >= 512 + 64);
        interpreter.Input(0).DataAs<sbyte>().Fill(0);
        Assert.Equal(Status.Ok, interpreter.Invoke());
        Assert.Equal(3, interpreter.Output(0).DataAs<sbyte>()[0]);
    }

    [Fact]
    public void OfflinePlanWithWrongTensorCountIsRejected()
    {
        using LoadedModel model = new LoadedModel(TestModels.Chain(length: 64, ops: 3, offlinePlan: new[] { -1, 256 }));
        using NativeArena arena = new NativeArena(8192);
        MicroInterpreter interpreter = new MicroInterpreter(model.Model, ResolverWith(new AddOneKernel()), arena.Pointer, arena.Size);
        Status status = interpreter.AllocateTensors();
        Assert.NotEqual(Status.Ok, status);
        Assert.Contains("4", interpreter.Errors.MessageText);
    }

    [Theory]
    [InlineData(32)]
    [InlineData(100)]
    [InlineData(300)]
    public void ArenaTooSmallSaysHowManyBytesAreNeededAndThatManySuffice(int shortBy)
    {
        using LoadedModel model = new LoadedModel(TestModels.Chain(length: 200, ops: 4));
        int required;
        int used;
        using (NativeArena big = new NativeArena(1 << 16))
        {
            MicroInterpreter reference = new MicroInterpreter(model.Model, ResolverWith(new AddOneKernel()), big.Pointer, big.Size);
            Assert.Equal(Status.Ok, reference.AllocateTensors());
            required = reference.ArenaRequiredBytes;
            used = reference.ArenaUsedBytes;
        }
        Assert.True(required >= used);

        using NativeArena small = new NativeArena(required - shortBy);
        MicroInterpreter tooSmall = new MicroInterpreter(model.Model, ResolverWith(new AddOneKernel()), small.Pointer, small.Size);
        Assert.Equal(Status.ArenaTooSmall, tooSmall.AllocateTensors());
        string message = tooSmall.Errors.MessageText;
        Assert.Contains("arena too small", message);
        // The figure given is a lower bound of what is needed, and more than what the arena has.
        string figure = message.Substring(message.IndexOf("at least ", StringComparison.Ordinal) + 9).Split(' ')[0];
        int stated = int.Parse(figure);
        Assert.InRange(stated, required - shortBy + 1, required);

        // A 16-aligned arena of exactly the required bytes is enough.
        using NativeArena exact = new NativeArena(required);
        MicroInterpreter fits = new MicroInterpreter(model.Model, ResolverWith(new AddOneKernel()), exact.Pointer, exact.Size);
        Assert.Equal(Status.Ok, fits.AllocateTensors());
    }

    [Fact]
    public void WhenOnlyThePlanDoesNotFitTheNeededBytesAreExact()
    {
        // Large tensors, little bookkeeping: the planning workspace fits, the plan does not.
        using LoadedModel model = new LoadedModel(TestModels.Chain(length: 4000, ops: 2));
        int required;
        using (NativeArena big = new NativeArena(1 << 16))
        {
            MicroInterpreter reference = new MicroInterpreter(model.Model, ResolverWith(new AddOneKernel()), big.Pointer, big.Size);
            Assert.Equal(Status.Ok, reference.AllocateTensors());
            required = reference.ArenaRequiredBytes;
        }
        using NativeArena small = new NativeArena(required - 1000);
        MicroInterpreter tooSmall = new MicroInterpreter(model.Model, ResolverWith(new AddOneKernel()), small.Pointer, small.Size);
        Assert.Equal(Status.ArenaTooSmall, tooSmall.AllocateTensors());
        Assert.Contains("memory plan needs 8000 bytes", tooSmall.Errors.MessageText);
        // Exact up to the tail's alignment padding, which depends on where each arena ends (either way).
        string text = tooSmall.Errors.MessageText;
        int stated = int.Parse(text.Substring(text.IndexOf("at least ", StringComparison.Ordinal) + 9).Split(' ')[0]);
        Assert.InRange(stated, required - ArenaAlignment.BufferAlignment + 1, required + ArenaAlignment.BufferAlignment - 1);
        // And an arena of the stated size (plus that padding) is enough.
        using NativeArena enough = new NativeArena(stated + ArenaAlignment.BufferAlignment);
        MicroInterpreter fits = new MicroInterpreter(model.Model, ResolverWith(new AddOneKernel()), enough.Pointer, enough.Size);
        Assert.Equal(Status.Ok, fits.AllocateTensors());
    }

    [Fact]
    public void TinyArenaFailsCleanly()
    {
        using LoadedModel model = new LoadedModel(TestModels.Chain());
        for (int size = 1; size < 600; size += 7)
        {
            using NativeArena arena = new NativeArena(size);
            MicroInterpreter interpreter = new MicroInterpreter(model.Model, ResolverWith(new AddOneKernel(scratchBytes: 32)), arena.Pointer, arena.Size);
            Status status = interpreter.AllocateTensors();
            if (status == Status.Ok) continue;
            Assert.Equal(Status.ArenaTooSmall, status);
            Assert.Contains("arena too small", interpreter.Errors.MessageText);
            // A failed interpreter refuses to run rather than touching unplanned memory.
            Assert.NotEqual(Status.Ok, interpreter.Invoke());
        }
    }

    [Fact]
    public void MissingOperatorsAreNamed()
    {
        using LoadedModel model = LoadedModel.Shared("mlperf_kws_int8");
        using NativeArena arena = new NativeArena(1 << 20);
        OpResolver resolver = new OpResolver();
        MicroInterpreter interpreter = new MicroInterpreter(model.Model, resolver, arena.Pointer, arena.Size);
        Assert.Equal(Status.UnsupportedOperator, interpreter.AllocateTensors());
        string message = interpreter.Errors.MessageText;
        Assert.Contains("CONV_2D", message);
        Assert.Contains("DEPTHWISE_CONV_2D", message);
        Assert.Contains("SOFTMAX", message);
    }

    [Fact]
    public void VelaModelIsReportedAsNeedingEthosU()
    {
        using LoadedModel model = LoadedModel.Shared("person_detect_vela");
        using NativeArena arena = new NativeArena(1 << 20);
        OpResolver resolver = new OpResolver();
        TfLiteMicro.Kernels.Reference.ReferenceKernels.AddAll(resolver);
        MicroInterpreter interpreter = new MicroInterpreter(model.Model, resolver, arena.Pointer, arena.Size);
        Assert.Equal(Status.UnsupportedOperator, interpreter.AllocateTensors());
        Assert.Contains("custom op 'ethos-u'", interpreter.Errors.MessageText);
        Assert.Contains("Ethos-U NPU", interpreter.Errors.MessageText);
    }

    [Fact]
    public void MissingCustomOperatorIsNamed()
    {
        using LoadedModel model = new LoadedModel(TestModels.Chain());
        using NativeArena arena = new NativeArena(4096);
        MicroInterpreter interpreter = new MicroInterpreter(model.Model, new OpResolver(), arena.Pointer, arena.Size);
        Assert.Equal(Status.UnsupportedOperator, interpreter.AllocateTensors());
        Assert.Contains("ADD_ONE", interpreter.Errors.MessageText);
    }

    [Fact]
    public void KernelErrorsNameTheOperatorAndNode()
    {
        using LoadedModel model = new LoadedModel(TestModels.Chain(ops: 2));
        using NativeArena arena = new NativeArena(4096);
        OpResolver resolver = new OpResolver();
        resolver.AddCustom("ADD_ONE", new FailingKernel());
        MicroInterpreter interpreter = new MicroInterpreter(model.Model, resolver, arena.Pointer, arena.Size);
        Assert.NotEqual(Status.Ok, interpreter.AllocateTensors());
        Assert.Equal("ADD_ONE (subgraph 0, node 0) Prepare: this kernel refuses", interpreter.Errors.MessageText);
    }

    [Fact]
    public void AbortStopsTheRunAtThatNodeWithoutAnError()
    {
        // Two nodes share the kernel: after the first returns Abort the second must not run, and Abort is not an error.
        using LoadedModel model = new LoadedModel(TestModels.Chain(ops: 2));
        using NativeArena arena = new NativeArena(4096);
        AbortingKernel kernel = new AbortingKernel();
        OpResolver resolver = new OpResolver();
        resolver.AddCustom("ADD_ONE", kernel);
        MicroInterpreter interpreter = new MicroInterpreter(model.Model, resolver, arena.Pointer, arena.Size);
        Assert.Equal(Status.Ok, interpreter.AllocateTensors());
        Assert.Equal(Status.Abort, interpreter.Invoke());
        Assert.Equal(1, kernel.InvokeCount);
        Assert.Equal("", interpreter.Errors.MessageText);
        Assert.Equal(Status.Abort, interpreter.Invoke());
        Assert.Equal(2, kernel.InvokeCount);
    }

    [Fact]
    public void KernelThatLeaksTempMemoryIsReported()
    {
        using LoadedModel model = new LoadedModel(TestModels.Chain(ops: 1));
        using NativeArena arena = new NativeArena(4096);
        MicroInterpreter interpreter = new MicroInterpreter(model.Model, ResolverWith(new AddOneKernel(leakTemp: true)), arena.Pointer, arena.Size);
        Assert.NotEqual(Status.Ok, interpreter.AllocateTensors());
        Assert.Contains("temp", interpreter.Errors.MessageText);
    }

    [Fact]
    public void ResetCallsKernelsAndRestoresVariableTensors()
    {
        using LoadedModel model = new LoadedModel(TestModels.WithVariable());
        using NativeArena arena = new NativeArena(4096);
        AddOneKernel kernel = new AddOneKernel();
        MicroInterpreter interpreter = new MicroInterpreter(model.Model, ResolverWith(kernel), arena.Pointer, arena.Size);
        Assert.Equal(Status.Ok, interpreter.AllocateTensors());
        Span<sbyte> int8State = interpreter.GetTensor(2).DataAs<sbyte>();
        Span<short> int16State = interpreter.GetTensor(3).DataAs<short>();
        Assert.All(int8State.ToArray(), v => Assert.Equal(7, v));
        Assert.All(int16State.ToArray(), v => Assert.Equal(0, v));
        int8State.Fill(-5);
        int16State.Fill(1234);
        int resets = kernel.ResetCount;
        Assert.Equal(Status.Ok, interpreter.Reset());
        Assert.Equal(resets + 1, kernel.ResetCount);
        Assert.All(interpreter.GetTensor(2).DataAs<sbyte>().ToArray(), v => Assert.Equal(7, v));
        Assert.All(interpreter.GetTensor(3).DataAs<short>().ToArray(), v => Assert.Equal(0, v));
        // Both variable buffers live in the tail (10 + 12 bytes, each start aligned to 16).
        Assert.InRange(interpreter.ArenaUsage.UsedBytesOf(AllocationCategory.VariableTensors), 22, 22 + 2 * 15);
        Assert.Equal(2, interpreter.ArenaUsage.Count(AllocationCategory.VariableTensors));
    }

    [Fact]
    public void SeveralInterpretersShareOneArena()
    {
        using LoadedModel small = new LoadedModel(TestModels.Chain(length: 32, ops: 2));
        using LoadedModel large = new LoadedModel(TestModels.Chain(length: 256, ops: 3));
        using NativeArena arena = new NativeArena(1 << 14);
        MicroAllocator allocator = new MicroAllocator(arena.Pointer, arena.Size);
        MicroInterpreter first = new MicroInterpreter(small.Model, ResolverWith(new AddOneKernel()), allocator);
        MicroInterpreter second = new MicroInterpreter(large.Model, ResolverWith(new AddOneKernel()), allocator);
        Assert.Equal(Status.Ok, first.AllocateTensors());
        int headAfterFirst = allocator.Arena.HeadBytes;
        Assert.Equal(Status.Ok, second.AllocateTensors());
        // The head is shared and sized to the larger plan, not the sum of both.
        Assert.Equal(512, allocator.Arena.HeadBytes);
        Assert.Equal(64, headAfterFirst);
        Assert.True(allocator.Arena.HeadBytes < headAfterFirst + 512);

        for (int round = 0; round < 3; round++)
        {
            first.Input(0).DataAs<sbyte>().Fill((sbyte)round);
            Assert.Equal(Status.Ok, first.Invoke());
            Assert.Equal(round + 2, first.Output(0).DataAs<sbyte>()[0]);
            second.Input(0).DataAs<sbyte>().Fill((sbyte)(10 * round));
            Assert.Equal(Status.Ok, second.Invoke());
            Assert.Equal(10 * round + 3, second.Output(0).DataAs<sbyte>()[255]);
        }
    }

    [Fact]
    public void InvokeAllocatesNoManagedMemory()
    {
        using LoadedModel model = new LoadedModel(TestModels.Chain(length: 64, ops: 3));
        using NativeArena arena = new NativeArena(8192);
        MicroInterpreter interpreter = new MicroInterpreter(model.Model, ResolverWith(new AddOneKernel(scratchBytes: 16)), arena.Pointer, arena.Size,
            new InterpreterOptions { Profiler = new TfLiteMicro.Profiling.EventProfiler(TfLiteMicro.Profiling.StopwatchTickSource.Instance, 8192) });
        Assert.Equal(Status.Ok, interpreter.AllocateTensors());
        Assert.Equal(Status.Ok, interpreter.Invoke());
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            if (interpreter.Invoke() != Status.Ok) Assert.Fail(interpreter.Errors.MessageText);
        }
        long after = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(0, after - before);
    }
}

using System;
using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Memory;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Core.Tests.Interpreter;

/// <summary>Invoke must not allocate managed memory (a microcontroller has no GC to clean up after it).</summary>
public unsafe class ZeroAllocationTests
{
    public static TheoryData<string> Models => new TheoryData<string>
    {
        "hello_world_int8",
        "hello_world_float",
        "mlperf_ad_int8",
        "mlperf_ad_float",
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void ThousandInvokesAllocateNothing(string modelId)
    {
        using LoadedModel model = LoadedModel.Shared(modelId);
        OpResolver resolver = new OpResolver();
        Assert.Equal(Status.Ok, ReferenceKernels.AddAll(resolver));
        using NativeArena arena = new NativeArena(1 << 20);
        MicroInterpreter interpreter = new MicroInterpreter(model.Model, resolver, arena.Pointer, arena.Size);
        Assert.Equal(Status.Ok, interpreter.AllocateTensors());
        interpreter.Input(0).DataBytes.Fill(1);
        Assert.Equal(Status.Ok, interpreter.Invoke());

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            if (interpreter.Invoke() != Status.Ok) Assert.Fail(interpreter.Errors.MessageText);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}

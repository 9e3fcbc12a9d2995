using System;
using TfLiteMicro.Memory;
using TfLiteMicro.Ports.X86Simd;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Core.Tests.Interpreter;

/// <summary>
/// Invoke must not allocate managed memory with the x86-simd port either: its repacked weights and scratch rows live
/// in the arena, never on the managed heap. Models chosen to run every kernel the port overrides (CONV_2D int8 and
/// float, DEPTHWISE_CONV_2D, FULLY_CONNECTED int8 and float, ADD, AVERAGE_POOL_2D).
/// </summary>
public unsafe class ZeroAllocationWithPortTests
{
    public static TheoryData<string> Models => new TheoryData<string>
    {
        "mlperf_kws_int8",
        "mlperf_vww_int8",
        "mlperf_ic_int8",
        "mlperf_ic_float",
        "mlperf_ad_int8",
        "mlperf_ad_float",
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void HundredInvokesWithX86SimdAllocateNothing(string modelId)
    {
        using LoadedModel model = LoadedModel.Shared(modelId);
        OpResolver resolver = new OpResolver();
        Assert.Equal(Status.Ok, X86SimdKernels.AddAll(resolver));
        using NativeArena arena = new NativeArena(8 << 20);
        MicroInterpreter interpreter = new MicroInterpreter(model.Model, resolver, arena.Pointer, arena.Size);
        Assert.Equal(Status.Ok, interpreter.AllocateTensors());
        interpreter.Input(0).DataBytes.Fill(1);
        Assert.Equal(Status.Ok, interpreter.Invoke());

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            if (interpreter.Invoke() != Status.Ok) Assert.Fail(interpreter.Errors.MessageText);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}

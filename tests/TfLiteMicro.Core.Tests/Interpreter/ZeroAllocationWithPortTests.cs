using System;
using TfLiteMicro.Memory;
using TfLiteMicro.Ports;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Core.Tests.Interpreter;

/// <summary>
/// Invoke must not allocate managed memory with any port either (every set of ports/kernel-sets but the reference):
/// x86-simd's repacked weights and scratch rows live in the arena, never on the managed heap. Models chosen to run
/// every kernel x86-simd overrides (CONV_2D int8 and float, DEPTHWISE_CONV_2D, FULLY_CONNECTED int8 and float, ADD,
/// AVERAGE_POOL_2D).
/// </summary>
public unsafe class ZeroAllocationWithPortTests
{
    private static readonly string[] ModelIds =
    {
        "mlperf_kws_int8",
        "mlperf_vww_int8",
        "mlperf_ic_int8",
        "mlperf_ic_float",
        "mlperf_ad_int8",
        "mlperf_ad_float",
    };

    public static TheoryData<string, string> PortModels()
    {
        var data = new TheoryData<string, string>();
        foreach (KernelSet port in KernelSets.Ports)
        {
            foreach (string model in ModelIds) data.Add(port.Name, model);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PortModels))]
    public void HundredInvokesWithAPortAllocateNothing(string kernels, string modelId)
    {
        using LoadedModel model = LoadedModel.Shared(modelId);
        OpResolver resolver = TestKernelSets.CreateResolver(kernels);
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

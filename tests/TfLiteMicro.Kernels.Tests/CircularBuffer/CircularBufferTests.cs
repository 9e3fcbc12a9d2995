using System;
using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Testing;
using Xunit;
using static TfLiteMicro.Kernels.Tests.Signal.SignalTestSupport;

namespace TfLiteMicro.Kernels.Tests.CircularBuffer;

/// <summary>
/// CIRCULAR_BUFFER (TFLM custom op): the int8 history shift, the cycles_max period (kTfLiteAbort on the skipped
/// invocations), TFLM's shape heuristic when cycles_max is absent, Reset and the Prepare checks.
/// </summary>
public class CircularBufferTests
{
    private static KernelRunner Runner(string implementation, int slots, int height, int depth, byte[]? options, bool validOutput = false)
    {
        var tensors = new System.Collections.Generic.List<TestTensor>
        {
            TestTensor.Int8(new[] { 1, 1, height, depth }, null, 1f, 0),
            TestTensor.Int8(new[] { 1, slots, height, depth }, null, 1f, 0),
        };
        if (validOutput) tensors.Add(Tensor<bool>(TensorType.Bool, new[] { 1 }, null));
        return new KernelRunner(Kernel(implementation, "CIRCULAR_BUFFER"), tensors, new[] { 0 },
            validOutput ? new[] { 1, 2 } : new[] { 1 }, customOptions: options);
    }

    private static sbyte[] Sample(int length, int call)
    {
        sbyte[] values = new sbyte[length];
        for (int i = 0; i < length; i++) values[i] = (sbyte)((call * 37 + i * 11) % 256 - 128);
        return values;
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void KeepsTheNewestSlotsAndRunsEveryCyclesMaxInvocations(string implementation)
    {
        const int slots = 4, height = 2, depth = 3, cyclesMax = 3;
        using KernelRunner runner = Runner(implementation, slots, height, depth, Options(("cycles_max", cyclesMax)));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        int sampleLength = height * depth;
        var history = new sbyte[slots * sampleLength];
        for (int call = 1; call <= 8; call++)
        {
            sbyte[] sample = Sample(sampleLength, call);
            runner.SetData(0, sample);
            Status status = runner.Invoke();
            // Model: the history is the last `slots` samples, oldest first, zeros before any input.
            Array.Copy(history, sampleLength, history, 0, (slots - 1) * sampleLength);
            Array.Copy(sample, 0, history, (slots - 1) * sampleLength, sampleLength);
            Assert.Equal(history, runner.Get<sbyte>(1));
            Assert.Equal(call % cyclesMax == 0 ? Status.Ok : CircularBufferCommon.Abort, status);
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void ResetRestartsThePeriod(string implementation)
    {
        using KernelRunner runner = Runner(implementation, 2, 1, 2, Options(("cycles_max", 2)));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(CircularBufferCommon.Abort, runner.Invoke());
        runner.Reset();
        Assert.Equal(CircularBufferCommon.Abort, runner.Invoke());
        Assert.Equal(Status.Ok, runner.Invoke());
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void WithoutCyclesMaxTheOutputShapeChoosesThePeriod(string implementation)
    {
        // TFLM: 5, 13 or 25 slots mean every invocation runs; other shapes run every second invocation.
        foreach (int slots in new[] { 5, 13, 25 })
        {
            using KernelRunner runner = Runner(implementation, slots, 1, 4, null);
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(Status.Ok, runner.Invoke());
        }
        using KernelRunner other = Runner(implementation, 3, 1, 4, Options(("cycles_max", 0)));
        Assert.Equal(Status.Ok, other.InitAndPrepare());
        Assert.Equal(CircularBufferCommon.Abort, other.Invoke());
        Assert.Equal(Status.Ok, other.Invoke());
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void OptionalValidOutputIsAccepted(string implementation)
    {
        using KernelRunner runner = Runner(implementation, 2, 1, 1, Options(("cycles_max", 1)), validOutput: true);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        runner.SetData(0, new sbyte[] { -128 });
        Assert.Equal(Status.Ok, runner.Invoke());
        runner.SetData(0, new sbyte[] { 127 });
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(new sbyte[] { -128, 127 }, runner.Get<sbyte>(1));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsMismatchedShapesAndTypes(string implementation)
    {
        using (KernelRunner runner = new KernelRunner(Kernel(implementation, "CIRCULAR_BUFFER"), new[]
        {
            TestTensor.Int8(new[] { 1, 1, 1, 3 }, null, 1f, 0),
            TestTensor.Int8(new[] { 1, 4, 1, 2 }, null, 1f, 0),
        }, new[] { 0 }, new[] { 1 }, customOptions: Options(("cycles_max", 1))))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("input tensor 0", runner.Errors.MessageText);
        }
        using (KernelRunner runner = new KernelRunner(Kernel(implementation, "CIRCULAR_BUFFER"), new[]
        {
            TestTensor.Float(new[] { 1, 1, 1, 2 }),
            TestTensor.Float(new[] { 1, 4, 1, 2 }),
        }, new[] { 0 }, new[] { 1 }, customOptions: Options(("cycles_max", 1))))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
        }
        using (KernelRunner runner = Runner(implementation, 2, 1, 1, Options(("cycles_max", 1))))
        {
            runner.Node.CustomOptionsLength = 2;
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
        }
    }
}

using System;
using System.Collections.Generic;
using TfLiteMicro.Testing;
using Xunit;
using static TfLiteMicro.Kernels.Tests.Signal.SignalTestSupport;

namespace TfLiteMicro.Kernels.Tests.Signal;

/// <summary>
/// SignalDelay, SignalFramer, SignalStacker and SignalOverlapAdd: streamed over several invocations and compared
/// with straightforward models of TFLM's documented behaviour (signal/micro/kernels/*_test.cc use the same
/// streams: the framer test's golden {0, 0, 0x1234, 0x5678, 0x4321, 0x7777} with frame 3 / step 1, etc.).
/// </summary>
public class SignalStreamingOpsTests
{
    private static short[] Ramp(int count, int seed)
    {
        short[] values = new short[count];
        for (int i = 0; i < count; i++) values[i] = (short)((i + 1) * 977 * seed % 65536 - 32768);
        return values;
    }

    // ----- SignalDelay -----

    private static KernelRunner DelayRunner(string implementation, int[] shape, int delay) =>
        new KernelRunner(Kernel(implementation, "SignalDelay"), new[]
        {
            Tensor<short>(TensorType.Int16, shape, null),
            Tensor<short>(TensorType.Int16, shape, null),
        }, new[] { 0 }, new[] { 1 }, customOptions: Options(("delay_length", delay)));

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void DelayShiftsEveryRowByDelayLengthAcrossInvocations(string implementation)
    {
        const int rows = 3, frame = 4, delay = 6, invocations = 5;
        using KernelRunner runner = DelayRunner(implementation, new[] { rows, frame }, delay);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        short[][] streams = new short[rows][];
        for (int r = 0; r < rows; r++) streams[r] = Ramp(frame * invocations, r + 3);
        for (int call = 0; call < invocations; call++)
        {
            short[] input = new short[rows * frame];
            for (int r = 0; r < rows; r++) Array.Copy(streams[r], call * frame, input, r * frame, frame);
            runner.SetData(0, input);
            Assert.Equal(Status.Ok, runner.Invoke());
            short[] output = runner.Get<short>(1);
            for (int r = 0; r < rows; r++)
            {
                for (int i = 0; i < frame; i++)
                {
                    int source = call * frame + i - delay;
                    Assert.Equal(source < 0 ? (short)0 : streams[r][source], output[r * frame + i]);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void DelayResetRestoresTheZeroHistoryAndZeroDelayIsIdentity(string implementation)
    {
        using (KernelRunner runner = DelayRunner(implementation, new[] { 2 }, 1))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            runner.SetData(0, new short[] { 5, 6 });
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new short[] { 0, 5 }, runner.Get<short>(1));
            runner.SetData(0, new short[] { 7, 8 });
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new short[] { 6, 7 }, runner.Get<short>(1));
            runner.Reset();
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new short[] { 0, 7 }, runner.Get<short>(1));
        }
        using (KernelRunner runner = DelayRunner(implementation, new[] { 3 }, 0))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            runner.SetData(0, new short[] { short.MinValue, 1, short.MaxValue });
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new short[] { short.MinValue, 1, short.MaxValue }, runner.Get<short>(1));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void DelayRejectsWrongTypesAndNegativeDelay(string implementation)
    {
        using (KernelRunner runner = DelayRunner(implementation, new[] { 2 }, -1))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("delay_length", runner.Errors.MessageText);
        }
        using KernelRunner wrongType = new KernelRunner(Kernel(implementation, "SignalDelay"), new[]
        {
            Tensor<float>(TensorType.Float32, new[] { 2 }, null),
            Tensor<float>(TensorType.Float32, new[] { 2 }, null),
        }, new[] { 0 }, new[] { 1 }, customOptions: Options(("delay_length", 1)));
        Assert.NotEqual(Status.Ok, wrongType.InitAndPrepare());
    }

    // ----- SignalFramer -----

    private static KernelRunner FramerRunner(string implementation, int[] inputShape, int[] outputShape, int size, int step, bool prefill) =>
        new KernelRunner(Kernel(implementation, "SignalFramer"), new[]
        {
            Tensor<short>(TensorType.Int16, inputShape, null),
            Tensor<short>(TensorType.Int16, outputShape, null),
            Tensor<bool>(TensorType.Bool, Array.Empty<int>(), null),
        }, new[] { 0 }, new[] { 1, 2 },
        customOptions: Options(("frame_size", size), ("frame_step", step), ("prefill", prefill ? 1 : 0)));

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FramerTflmGolden_3_1_NoPrefill(string implementation)
    {
        // TFLM framer_test FramerTest_3_1_0: frames of 3 every sample; the stream after the latency is fed.
        short[] golden = { 0x0, 0x0, 0x1234, 0x5678, 0x4321, 0x7777 };
        using KernelRunner runner = FramerRunner(implementation, new[] { 1 }, new[] { 1, 3 }, 3, 1, false);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        for (int pass = 0; pass < 2; pass++)
        {
            for (int i = 0; i + 2 < golden.Length; i++)
            {
                runner.SetData(0, new[] { golden[2 + i] });
                Assert.Equal(Status.Ok, runner.Invoke());
                bool ready = runner.Get<bool>(2)[0];
                Assert.Equal(i >= 2, ready);
                if (ready) Assert.Equal(golden[i..(i + 3)], runner.Get<short>(1));
            }
            runner.Reset();
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FramerMatchesASlidingWindowOverTheStream(string implementation)
    {
        const int size = 5, step = 2, framesPerCall = 2, rows = 3, calls = 6;
        foreach (bool prefill in new[] { true, false })
        {
            using KernelRunner runner = FramerRunner(implementation, new[] { rows, framesPerCall * step },
                new[] { rows, framesPerCall, size }, size, step, prefill);
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            short[][] streams = new short[rows][];
            for (int r = 0; r < rows; r++) streams[r] = Ramp(calls * framesPerCall * step, r + 2);
            int latency = prefill ? size - step : 0;
            // Model: frames are emitted in order; frame k covers stream samples [k * step - latency, + size) and is
            // emitted in the first slot by which all of its samples arrived (a slot that cannot be filled is
            // left as it was and makes 'valid' false).
            int emitted = 0;
            for (int call = 0; call < calls; call++)
            {
                short[] input = new short[rows * framesPerCall * step];
                for (int r = 0; r < rows; r++)
                    Array.Copy(streams[r], call * framesPerCall * step, input, r * framesPerCall * step, framesPerCall * step);
                runner.SetData(0, input);
                short[] before = runner.Get<short>(1);
                Assert.Equal(Status.Ok, runner.Invoke());
                short[] output = runner.Get<short>(1);
                bool expectValid = true;
                for (int f = 0; f < framesPerCall; f++)
                {
                    int received = (call * framesPerCall + f + 1) * step;
                    bool ready = emitted * step - latency + size <= received;
                    expectValid &= ready;
                    for (int r = 0; r < rows; r++)
                    {
                        for (int i = 0; i < size; i++)
                        {
                            int slot = (r * framesPerCall + f) * size + i;
                            int source = emitted * step - latency + i;
                            short expected = !ready ? before[slot] : source < 0 ? (short)0 : streams[r][source];
                            Assert.Equal(expected, output[slot]);
                        }
                    }
                    if (ready) emitted++;
                }
                Assert.Equal(expectValid, runner.Get<bool>(2)[0]);
            }
            Assert.True(emitted >= calls * framesPerCall - 3);
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FramerRejectsBadShapesAndOptions(string implementation)
    {
        using (KernelRunner runner = FramerRunner(implementation, new[] { 3 }, new[] { 1, 5 }, 5, 2, false))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("frame_step", runner.Errors.MessageText);
        }
        using (KernelRunner runner = FramerRunner(implementation, new[] { 4 }, new[] { 2, 4 }, 5, 2, false))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("output tensor 1", runner.Errors.MessageText);
        }
        using (KernelRunner runner = FramerRunner(implementation, new[] { 4 }, new[] { 2, 5 }, 5, 0, false))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
        }
    }

    // ----- SignalStacker -----

    private static KernelRunner StackerRunner(string implementation, int channels, int left, int right, int step) =>
        new KernelRunner(Kernel(implementation, "SignalStacker"), new[]
        {
            Tensor<short>(TensorType.Int16, new[] { channels }, null),
            Tensor<short>(TensorType.Int16, new[] { channels * (left + right + 1) }, null),
            Tensor<bool>(TensorType.Bool, Array.Empty<int>(), null),
        }, new[] { 0 }, new[] { 1, 2 }, customOptions: Options(("num_channels", channels), ("stacker_left_context", left),
            ("stacker_right_context", right), ("stacker_step", step)));

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void StackerStacksContextFramesWithTheFirstFrameAsLeftPadding(string implementation)
    {
        foreach ((int left, int right, int step) in new[] { (2, 1, 1), (0, 0, 1), (1, 2, 2), (3, 0, 4) })
        {
            const int channels = 3, calls = 9;
            int window = left + right + 1;
            using KernelRunner runner = StackerRunner(implementation, channels, left, right, step);
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            for (int pass = 0; pass < 2; pass++)
            {
                // Model: the frame sequence with frame 0 repeated left times in front; windows start every step frames.
                var padded = new List<short[]>();
                int nextWindow = 0;
                for (int call = 0; call < calls; call++)
                {
                    short[] frame = Ramp(channels, call + 5 + pass);
                    if (call == 0) for (int l = 0; l < left; l++) padded.Add(frame);
                    padded.Add(frame);
                    runner.SetData(0, frame);
                    Assert.Equal(Status.Ok, runner.Invoke());
                    bool expectValid = padded.Count >= nextWindow + window;
                    Assert.Equal(expectValid, runner.Get<bool>(2)[0]);
                    if (!expectValid) continue;
                    short[] output = runner.Get<short>(1);
                    for (int w = 0; w < window; w++)
                        Assert.Equal(padded[nextWindow + w], output[(w * channels)..((w + 1) * channels)]);
                    nextWindow += step;
                }
                runner.Reset();
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void StackerRejectsStepsOutsideTheWindowAndWrongSizes(string implementation)
    {
        using (KernelRunner runner = StackerRunner(implementation, 2, 1, 1, 4))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("stacker_step", runner.Errors.MessageText);
        }
        using KernelRunner wrongSize = new KernelRunner(Kernel(implementation, "SignalStacker"), new[]
        {
            Tensor<short>(TensorType.Int16, new[] { 2 }, null),
            Tensor<short>(TensorType.Int16, new[] { 5 }, null),
            Tensor<bool>(TensorType.Bool, Array.Empty<int>(), null),
        }, new[] { 0 }, new[] { 1, 2 }, customOptions: Options(("num_channels", 2), ("stacker_left_context", 1),
            ("stacker_right_context", 1), ("stacker_step", 1)));
        Assert.NotEqual(Status.Ok, wrongSize.InitAndPrepare());
        Assert.Contains("output tensor 1", wrongSize.Errors.MessageText);
    }

    // ----- SignalOverlapAdd -----

    private static KernelRunner OverlapAddRunner<T>(string implementation, TensorType type, int[] inputShape, int[] outputShape, int step)
        where T : unmanaged =>
        new KernelRunner(Kernel(implementation, "SignalOverlapAdd"), new[]
        {
            Tensor<T>(type, inputShape, null),
            Tensor<T>(type, outputShape, null),
        }, new[] { 0 }, new[] { 1 }, customOptions: Options(("T", (int)type), ("frame_step", step)));

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void OverlapAddFloatSumsShiftedFrames(string implementation)
    {
        const int rows = 2, frames = 3, size = 5, step = 2, calls = 4;
        using KernelRunner runner = OverlapAddRunner<float>(implementation, TensorType.Float32, new[] { rows, frames, size },
            new[] { rows, frames * step }, step);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        int totalFrames = frames * calls;
        // The reconstructed stream: sample t = sum of frame k's sample (t - k * step), summed in frame order.
        float[][] stream = new float[rows][];
        float[][][] allFrames = new float[rows][][];
        for (int r = 0; r < rows; r++)
        {
            stream[r] = new float[totalFrames * step + size];
            allFrames[r] = new float[totalFrames][];
            for (int k = 0; k < totalFrames; k++)
            {
                allFrames[r][k] = new float[size];
                for (int i = 0; i < size; i++)
                {
                    allFrames[r][k][i] = 0.25f * (k + 1) - 0.1f * i + r;
                    stream[r][k * step + i] += allFrames[r][k][i];
                }
            }
        }
        for (int call = 0; call < calls; call++)
        {
            float[] input = new float[rows * frames * size];
            for (int r = 0; r < rows; r++)
                for (int f = 0; f < frames; f++)
                    Array.Copy(allFrames[r][call * frames + f], 0, input, (r * frames + f) * size, size);
            runner.SetData(0, input);
            Assert.Equal(Status.Ok, runner.Invoke());
            float[] output = runner.Get<float>(1);
            for (int r = 0; r < rows; r++)
                for (int i = 0; i < frames * step; i++)
                    Assert.Equal(stream[r][call * frames * step + i], output[r * frames * step + i], 5);
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void OverlapAddInt16SaturatesEachAccumulation(string implementation)
    {
        using KernelRunner runner = OverlapAddRunner<short>(implementation, TensorType.Int16, new[] { 2, 3 }, new[] { 2 }, 1);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        // Frame 0 = {30000, 30000, -30000}, frame 1 = {10000, -1000, 5}: accumulator after frame 0 emits 30000 and
        // keeps {30000, -30000, 0}; frame 1 makes {32767 (saturated), -31000, 5} and emits 32767.
        runner.SetData(0, new short[] { 30000, 30000, -30000, 10000, -1000, 5 });
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(new short[] { 30000, 32767 }, runner.Get<short>(1));
        // Accumulator is {-31000, 5, 0}; adding {-5000, 0, 0} saturates to -32768; then {5, 0, 0} + {1, 1, 1}.
        runner.SetData(0, new short[] { -5000, 0, 0, 1, 1, 1 });
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(new short[] { short.MinValue, 6 }, runner.Get<short>(1));
        runner.Reset();
        runner.SetData(0, new short[] { 1, 2, 3, 4, 5, 6 });
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(new short[] { 1, 2 + 4 }, runner.Get<short>(1));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void OverlapAddRejectsStepsLongerThanTheFrameAndWrongOutputs(string implementation)
    {
        using (KernelRunner runner = OverlapAddRunner<short>(implementation, TensorType.Int16, new[] { 2, 3 }, new[] { 8 }, 4))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("frame_step", runner.Errors.MessageText);
        }
        using (KernelRunner runner = OverlapAddRunner<short>(implementation, TensorType.Int16, new[] { 2, 3 }, new[] { 5 }, 2))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("output tensor 1", runner.Errors.MessageText);
        }
        using (KernelRunner runner = OverlapAddRunner<int>(implementation, TensorType.Int32, new[] { 2, 3 }, new[] { 4 }, 2))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("'T'", runner.Errors.MessageText);
        }
    }
}

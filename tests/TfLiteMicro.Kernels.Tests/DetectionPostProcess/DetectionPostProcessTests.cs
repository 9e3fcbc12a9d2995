using System;
using TfLiteMicro.Testing;
using Xunit;
using static TfLiteMicro.Kernels.Tests.Signal.SignalTestSupport;

namespace TfLiteMicro.Kernels.Tests.DetectionPostProcess;

/// <summary>
/// TFLite_Detection_PostProcess: TFLM's worked examples (detection_postprocess_test.cc: six boxes, two classes,
/// options max_detections 3, detections_per_class 1, iou 0.5, scales 10/10/5/5), larger random cases against
/// <see cref="DetectionPostProcessModel"/>, TFLM's quirks and the Prepare/Invoke errors.
/// </summary>
public class DetectionPostProcessTests
{
    private static readonly float[] SixBoxes =
    {
        0f, 0f, 0f, 0f,
        0f, 1f, 0f, 0f,
        0f, -1f, 0f, 0f,
        0f, 0f, 0f, 0f,
        0f, 1f, 0f, 0f,
        0f, 0f, 0f, 0f,
    };

    private static readonly float[] SixAnchors =
    {
        0.5f, 0.5f, 1f, 1f,
        0.5f, 0.5f, 1f, 1f,
        0.5f, 0.5f, 1f, 1f,
        0.5f, 10.5f, 1f, 1f,
        0.5f, 10.5f, 1f, 1f,
        0.5f, 100.5f, 1f, 1f,
    };

    // Two classes after a background column.
    private static readonly float[] SixScoresWithBackground =
    {
        0f, .9f, .8f, 0f, .75f, .72f, 0f, .6f, .5f, 0f, .93f, .95f, 0f, .5f, .4f, 0f, .3f, .2f,
    };

    private static readonly float[] SixScores = { .9f, .8f, .75f, .72f, .6f, .5f, .93f, .95f, .5f, .4f, .3f, .2f };

    private static float[] WithKeypoints(float[] boxes)
    {
        // A fifth value per box (TFLM's "keypoints" variant): decoding must skip it.
        float[] wide = new float[boxes.Length / 4 * 5];
        for (int i = 0; i < boxes.Length / 4; i++)
        {
            Array.Copy(boxes, 4 * i, wide, 5 * i, 4);
            wide[5 * i + 4] = 1f;
        }
        return wide;
    }

    private static KernelRunner Runner(string implementation, float[] boxes, int stride, float[] scores, int classColumns,
        float[] anchors, int slots, byte[] options, TensorType type = TensorType.Float32)
    {
        int n = anchors.Length / 4;
        TestTensor boxTensor = type == TensorType.Float32
            ? TestTensor.Float(new[] { 1, n, stride }, boxes)
            : TestTensor.Int8(new[] { 1, n, stride }, new sbyte[n * stride], 0.1f, 0);
        return new KernelRunner(Kernel(implementation, "TFLite_Detection_PostProcess"), new[]
        {
            boxTensor,
            TestTensor.Float(new[] { 1, n, classColumns }, scores),
            TestTensor.Float(new[] { n, 4 }, anchors),
            TestTensor.Float(new[] { 1, slots, 4 }),
            TestTensor.Float(new[] { 1, slots }),
            TestTensor.Float(new[] { 1, slots }),
            TestTensor.Float(new[] { 1 }),
        }, new[] { 0, 1, 2 }, new[] { 3, 4, 5, 6 }, customOptions: options, arenaBytes: 1 << 18);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void TflmFastNmsExample(string implementation)
    {
        foreach (bool background in new[] { true, false })
        {
            foreach (int stride in new[] { 4, 5 })
            {
                float[] boxes = stride == 4 ? SixBoxes : WithKeypoints(SixBoxes);
                float[] scores = background ? SixScoresWithBackground : SixScores;
                using KernelRunner runner = Runner(implementation, boxes, stride, scores, background ? 3 : 2, SixAnchors, 3,
                    new DetectionPostProcessOptions().ToBytes());
                Assert.Equal(Status.Ok, runner.InitAndPrepare());
                Assert.Equal(Status.Ok, runner.Invoke());
                // Box 3 (class 1, .95) suppresses box 4; box 0 (class 0, .9) suppresses boxes 1 and 2; box 5 remains.
                Assert.Equal(new float[] { 0f, 10f, 1f, 11f, 0f, 0f, 1f, 1f, 0f, 100f, 1f, 101f }, runner.Get<float>(3));
                Assert.Equal(new float[] { 1f, 0f, 0f }, runner.Get<float>(4));
                Assert.Equal(new float[] { .95f, .9f, .3f }, runner.Get<float>(5));
                Assert.Equal(new float[] { 3f }, runner.Get<float>(6));
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void TflmRegularNmsExample(string implementation)
    {
        foreach (bool background in new[] { true, false })
        {
            using KernelRunner runner = Runner(implementation, SixBoxes, 4, background ? SixScoresWithBackground : SixScores,
                background ? 3 : 2, SixAnchors, 3, new DetectionPostProcessOptions { UseRegularNms = true }.ToBytes());
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            // One box per class: box 3 wins both classes (.93 for class 0, .95 for class 1); the third slot is zero.
            Assert.Equal(new float[] { 0f, 10f, 1f, 11f, 0f, 10f, 1f, 11f, 0f, 0f, 0f, 0f }, runner.Get<float>(3));
            Assert.Equal(new float[] { 1f, 0f, 0f }, runner.Get<float>(4));
            Assert.Equal(new float[] { .95f, .93f, 0f }, runner.Get<float>(5));
            Assert.Equal(new float[] { 2f }, runner.Get<float>(6));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void TflmStableSortExampleKeepsEqualScoresInBoxOrder(string implementation)
    {
        // TFLM's "StableSort" case: several boxes share the top scores; the earlier box must win.
        float[] scores = { 0.015625f, 0.007812f, 0.003906f, 0.015625f, 0.015625f, 0.007812f, 0.019531f, 0.019531f,
            0.007812f, 0.003906f, 0.003906f, 0.003906f };
        using KernelRunner runner = Runner(implementation, WithKeypoints(SixBoxes), 5, scores, 2, SixAnchors, 3,
            new DetectionPostProcessOptions().ToBytes());
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        // Max scores per box: .015625 (0), .003906 (1, class 1), .015625 (2), .019531 (3), .007812 (4), .003906 (5).
        // Order: 3, 0, 2 (tie with 0, later), 4, 1, 5. Box 3 drops 4; box 0 drops 1 and 2; box 5 remains.
        Assert.Equal(new float[] { 0f, 10f, 1f, 11f, 0f, 0f, 1f, 1f, 0f, 100f, 1f, 101f }, runner.Get<float>(3));
        Assert.Equal(new float[] { 0f, 0f, 0f }, runner.Get<float>(4));
        Assert.Equal(new float[] { 0.019531f, 0.015625f, 0.003906f }, runner.Get<float>(5));
        Assert.Equal(new float[] { 3f }, runner.Get<float>(6));
    }

    private static (float[] Boxes, float[] Scores, float[] Anchors) RandomCase(int seed, int n, int columns)
    {
        var random = new Random(seed);
        float[] boxes = new float[4 * n];
        float[] anchors = new float[4 * n];
        float[] scores = new float[n * columns];
        for (int i = 0; i < n; i++)
        {
            boxes[4 * i] = (float)(random.NextDouble() * 4 - 2);
            boxes[4 * i + 1] = (float)(random.NextDouble() * 4 - 2);
            boxes[4 * i + 2] = (float)(random.NextDouble() * 3 - 1.5);
            boxes[4 * i + 3] = (float)(random.NextDouble() * 3 - 1.5);
            anchors[4 * i] = (float)random.NextDouble();
            anchors[4 * i + 1] = (float)random.NextDouble();
            anchors[4 * i + 2] = (float)(0.05 + random.NextDouble() * 0.5);
            anchors[4 * i + 3] = (float)(0.05 + random.NextDouble() * 0.5);
        }
        // Scores on a coarse grid so equal scores (and so the tie rules) occur often.
        for (int i = 0; i < scores.Length; i++) scores[i] = random.Next(0, 40) / 32f;
        return (boxes, scores, anchors);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RegularNmsMatchesTheModelOnRandomCases(string implementation)
    {
        for (int seed = 1; seed <= 6; seed++)
        {
            const int n = 57, classes = 4;
            var (boxes, scores, anchors) = RandomCase(seed, n, classes + 1);
            var options = new DetectionPostProcessOptions
            {
                UseRegularNms = true, MaxDetections = 10, DetectionsPerClass = seed % 3 == 0 ? null : 3 + seed, NumClasses = classes,
                ScoreThreshold = 0.3f, IouThreshold = 0.4f, YScale = 10f, XScale = 10f, HScale = 5f, WScale = 5f,
            };
            using KernelRunner runner = Runner(implementation, boxes, 4, scores, classes + 1, anchors, 10, options.ToBytes());
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            float[] decoded = DetectionPostProcessModel.Decode(boxes, 4, anchors, 10f, 10f, 5f, 5f);
            var expected = DetectionPostProcessModel.Regular(decoded, scores, classes, classes + 1, options, 10);
            Assert.Equal(expected.Boxes, runner.Get<float>(3));
            Assert.Equal(expected.Classes, runner.Get<float>(4));
            Assert.Equal(expected.Scores, runner.Get<float>(5));
            Assert.Equal(expected.NumDetections, runner.Get<float>(6)[0]);
            Assert.True(expected.NumDetections >= 5);
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FastNmsMatchesTheModelIncludingTflmSlotNumbering(string implementation)
    {
        for (int seed = 1; seed <= 6; seed++)
        {
            const int n = 45, classes = 3;
            int categories = 1 + seed % 3;
            var (boxes, scores, anchors) = RandomCase(100 + seed, n, classes);
            var options = new DetectionPostProcessOptions
            {
                MaxDetections = 8, MaxClassesPerDetection = categories, NumClasses = classes, ScoreThreshold = 0.25f,
                IouThreshold = 0.6f, YScale = 8f, XScale = 9f, HScale = 4f, WScale = 3f,
            };
            int slots = 8 * Math.Min(categories, classes);
            using KernelRunner runner = Runner(implementation, boxes, 4, scores, classes, anchors, slots, options.ToBytes());
            const float untouched = -7f;
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            runner.SetData(3, FilledArray(4 * slots, untouched));
            runner.SetData(4, FilledArray(slots, untouched));
            runner.SetData(5, FilledArray(slots, untouched));
            Assert.Equal(Status.Ok, runner.Invoke());
            float[] decoded = DetectionPostProcessModel.Decode(boxes, 4, anchors, 8f, 9f, 4f, 3f);
            var expected = DetectionPostProcessModel.Fast(decoded, scores, classes, classes, options, slots, untouched);
            Assert.Equal(expected.Boxes, runner.Get<float>(3));
            Assert.Equal(expected.Classes, runner.Get<float>(4));
            Assert.Equal(expected.Scores, runner.Get<float>(5));
            Assert.Equal(expected.NumDetections, runner.Get<float>(6)[0]);
            Assert.True(expected.NumDetections >= 4);
        }
    }

    private static float[] FilledArray(int length, float value)
    {
        float[] values = new float[length];
        Array.Fill(values, value);
        return values;
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void DecodingMatchesDoublePrecisionWithTheCLibraryExp(string implementation)
    {
        // Wide encodings exercise exp far from 1 (reduction by many multiples of ln 2).
        var random = new Random(7);
        const int n = 300;
        float[] boxes = new float[4 * n];
        float[] anchors = new float[4 * n];
        for (int i = 0; i < n; i++)
        {
            boxes[4 * i] = (float)(random.NextDouble() * 20 - 10);
            boxes[4 * i + 1] = (float)(random.NextDouble() * 20 - 10);
            boxes[4 * i + 2] = (float)(random.NextDouble() * 60 - 30);
            boxes[4 * i + 3] = (float)(random.NextDouble() * 60 - 30);
            anchors[4 * i] = (float)random.NextDouble();
            anchors[4 * i + 1] = (float)random.NextDouble();
            anchors[4 * i + 2] = (float)(0.01 + random.NextDouble());
            anchors[4 * i + 3] = (float)(0.01 + random.NextDouble());
        }
        var options = new DetectionPostProcessOptions { NumClasses = 1, MaxDetections = 1, ScoreThreshold = 0.5f, HScale = 7f, WScale = 6f };
        float[] decoded = DetectionPostProcessModel.Decode(boxes, 4, anchors, 10f, 10f, 7f, 6f);
        for (int i = 0; i < n; i += 23)
        {
            // The op reports a box only when selected: make box i the only one above the score threshold.
            float[] oneScore = new float[n];
            oneScore[i] = 1f;
            using KernelRunner runner = Runner(implementation, boxes, 4, oneScore, 1, anchors, 1, options.ToBytes());
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(decoded[(4 * i)..(4 * i + 4)], runner.Get<float>(3));
        }
    }

    [Fact]
    public void ExpIsWithinOneUlpOfTheCLibrary()
    {
        var random = new Random(11);
        for (int i = 0; i < 20000; i++)
        {
            double x = (random.NextDouble() - 0.5) * (i < 10000 ? 2 : 1400);
            ulong bits = TfLiteMicro.Kernels.Reference.DetectionPostProcessExp.Exp(TfLiteMicro.Kernels.SoftDouble.FromBits(
                (ulong)BitConverter.DoubleToInt64Bits(x))).Bits;
            long expected = BitConverter.DoubleToInt64Bits(Math.Exp(x));
            Assert.True(Math.Abs((long)bits - expected) <= 1, "exp(" + x.ToString("R") + ")");
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void InvertedDecodedBoxFailsTheInvocation(string implementation)
    {
        float[] anchors = (float[])SixAnchors.Clone();
        anchors[4 * 2 + 2] = -1f; // a negative anchor height flips box 2
        using KernelRunner runner = Runner(implementation, SixBoxes, 4, SixScoresWithBackground, 3, anchors, 3,
            new DetectionPostProcessOptions().ToBytes());
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.NotEqual(Status.Ok, runner.Invoke());
        Assert.Contains("decoded box 2", runner.Errors.MessageText);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void PrepareRejectsBadOptionsShapesAndTypes(string implementation)
    {
        byte[] Prepared(DetectionPostProcessOptions o) => o.ToBytes();
        void ExpectFailure(KernelRunner runner, string text)
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains(text, runner.Errors.MessageText);
            runner.Dispose();
        }
        ExpectFailure(Runner(implementation, SixBoxes, 4, SixScoresWithBackground, 3, SixAnchors, 3,
            Prepared(new DetectionPostProcessOptions { IouThreshold = 0f })), "nms_iou_threshold");
        ExpectFailure(Runner(implementation, SixBoxes, 4, SixScoresWithBackground, 3, SixAnchors, 3,
            Prepared(new DetectionPostProcessOptions { UseRegularNms = true, DetectionsPerClass = 0 })), "detections_per_class");
        ExpectFailure(Runner(implementation, SixBoxes, 4, SixScoresWithBackground, 3, SixAnchors, 3,
            Prepared(new DetectionPostProcessOptions { NumClasses = 1 })), "class_predictions tensor 1");
        ExpectFailure(Runner(implementation, SixBoxes, 4, SixScoresWithBackground, 3, SixAnchors, 2,
            Prepared(new DetectionPostProcessOptions())), "output tensor 3");
        ExpectFailure(Runner(implementation, SixBoxes, 4, SixScoresWithBackground, 3, SixAnchors, 3,
            Prepared(new DetectionPostProcessOptions()), TensorType.Int8), "box_encodings");
        ExpectFailure(Runner(implementation, SixBoxes, 4, SixScoresWithBackground, 3, SixAnchors, 3,
            SignalTestOptionsWithoutScales()), "y_scale");
    }

    private static byte[] SignalTestOptionsWithoutScales() => Options(("max_detections", 3), ("max_classes_per_detection", 1),
        ("nms_iou_threshold", 1), ("nms_score_threshold", 0), ("num_classes", 2));
}

using System;
using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.UnidirectionalSequenceLstm;

/// <summary>
/// UNIDIRECTIONAL_SEQUENCE_LSTM. Float cases against a plain double LSTM written here; int8/int16 cases against
/// the same LSTM on the dequantized parameters (within quantization error), exact layout equivalences, and TFLM's
/// own traces of the shared models (see <see cref="UnidirectionalSequenceLstmModelTraceTests"/>).
/// </summary>
public class UnidirectionalSequenceLstmTests
{
    /// <summary>
    /// The schema has no SIGMOID activation; the raw value 6 (TfLiteFusedActivation's kTfLiteActSigmoid) selects the
    /// sigmoid cell gate, an extension (TFLM's reader maps unknown values to NONE and then asserts).
    /// </summary>
    private const ActivationFunctionType SigmoidActivation = (ActivationFunctionType)6;

    private static FbTable Options(ActivationFunctionType activation, float cellClip, bool timeMajor) =>
        new FbTable().Scalar(0, (sbyte)activation).Scalar(1, cellClip).Scalar(3, timeMajor);

    private static KernelRunner Runner(string implementation, TestTensor[] tensors, FbTable options, int[]? slots = null) =>
        new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.UNIDIRECTIONAL_SEQUENCE_LSTM), tensors,
            slots ?? LstmTestModel.InputSlots(), new[] { LstmTestModel.OutputIndex }, BuiltinOperator.UNIDIRECTIONAL_SEQUENCE_LSTM,
            (byte)BuiltinOptions.UnidirectionalSequenceLSTMOptions, options);

    private static void AssertClose(double[] expected, float[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, "element " + i + ": expected " + expected[i] + ", got " + actual[i]);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatBatchMajorMatchesReference(string implementation) => RunFloat(implementation, timeMajor: false, tanh: true, clip: 0f, batches: 2);

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatTimeMajorMatchesReference(string implementation) => RunFloat(implementation, timeMajor: true, tanh: true, clip: 0f, batches: 3);

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatSigmoidCellGateAndCellClip(string implementation) => RunFloat(implementation, timeMajor: false, tanh: false, clip: 0.25f, batches: 2);

    private static void RunFloat(string implementation, bool timeMajor, bool tanh, float clip, int batches)
    {
        var model = new LstmTestModel(batches, steps: 4, inputSize: 5, stateSize: 3, seed: 11);
        float[] input = LstmTestModel.RandomValues(new Random(5), batches * 4 * 5, 2.0f);
        using KernelRunner runner = Runner(implementation, model.FloatTensors(input, timeMajor),
            Options(tanh ? ActivationFunctionType.TANH : SigmoidActivation, clip, timeMajor));
        Assert.True(runner.InitAndPrepare() == Status.Ok, runner.Errors.MessageText);
        Assert.Equal(Status.Ok, runner.Invoke());

        var hidden = new double[batches * 3];
        var cell = new double[batches * 3];
        double[] expected = model.Reference(input, timeMajor, tanh, clip, hidden, cell);
        AssertClose(expected, runner.Get<float>(LstmTestModel.OutputIndex), 1e-5);
        AssertClose(hidden, runner.Get<float>(LstmTestModel.HiddenIndex), 1e-5);
        AssertClose(cell, runner.Get<float>(LstmTestModel.CellIndex), 1e-5);
        if (clip > 0)
        {
            foreach (float c in runner.Get<float>(LstmTestModel.CellIndex)) Assert.InRange(c, -clip, clip);
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatStateCarriesOverToTheNextInvoke(string implementation)
    {
        var model = new LstmTestModel(2, 3, 4, 5, seed: 3);
        var random = new Random(9);
        float[] first = LstmTestModel.RandomValues(random, 2 * 3 * 4, 1.5f);
        float[] second = LstmTestModel.RandomValues(random, 2 * 3 * 4, 1.5f);
        using KernelRunner runner = Runner(implementation, model.FloatTensors(first, false), Options(ActivationFunctionType.TANH, 0f, false));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        runner.SetData(0, second);
        Assert.Equal(Status.Ok, runner.Invoke());

        var hidden = new double[10];
        var cell = new double[10];
        model.Reference(first, false, true, 0f, hidden, cell);
        double[] expected = model.Reference(second, false, true, 0f, hidden, cell);
        AssertClose(expected, runner.Get<float>(LstmTestModel.OutputIndex), 1e-5);
    }

    /// <summary>Quantizes the float input of a test model; returns the int8 values and what they stand for.</summary>
    private static sbyte[] QuantizeInput(float[] input, float scale, int zeroPoint, out float[] dequantized)
    {
        var q = new sbyte[input.Length];
        dequantized = new float[input.Length];
        for (int i = 0; i < input.Length; i++)
        {
            q[i] = (sbyte)Math.Clamp(Math.Round(input[i] / scale) + zeroPoint, -128, 127);
            dequantized[i] = (q[i] - zeroPoint) * scale;
        }
        return q;
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8ApproximatesTheFloatLstm(string implementation)
    {
        const int batches = 2, steps = 4, inputSize = 6, stateSize = 5;
        var model = new LstmTestModel(batches, steps, inputSize, stateSize, seed: 21);
        float[] input = LstmTestModel.RandomValues(new Random(4), batches * steps * inputSize, 1.0f);
        const float inputScale = 1f / 120, hiddenScale = 1f / 128;
        const int inputZeroPoint = 3, hiddenZeroPoint = -4;
        sbyte[] q = QuantizeInput(input, inputScale, inputZeroPoint, out float[] dequantizedInput);
        using KernelRunner runner = Runner(implementation,
            model.Int8Tensors(q, inputScale, inputZeroPoint, false, hiddenScale, hiddenZeroPoint, cellPower: -11),
            Options(ActivationFunctionType.TANH, 0f, false));
        Assert.True(runner.InitAndPrepare() == Status.Ok, runner.Errors.MessageText);
        Assert.Equal(Status.Ok, runner.Invoke());

        double[] expected = model.Dequantized().Reference(dequantizedInput, false, true, 0f, new double[batches * stateSize],
            new double[batches * stateSize]);
        sbyte[] output = runner.Get<sbyte>(LstmTestModel.OutputIndex);
        var actual = new float[output.Length];
        for (int i = 0; i < output.Length; i++) actual[i] = (output[i] - hiddenZeroPoint) * hiddenScale;
        // A few output steps of error: rounding in the gates, Q0.15 products and the table-based activations.
        AssertClose(expected, actual, 4 * hiddenScale);
        short[] cell = runner.Get<short>(LstmTestModel.CellIndex);
        Assert.Contains(cell, c => c != 0);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8TimeMajorEqualsBatchMajorExactly(string implementation)
    {
        const int batches = 3, steps = 4, inputSize = 3, stateSize = 4;
        var model = new LstmTestModel(batches, steps, inputSize, stateSize, seed: 8);
        float[] batchMajor = LstmTestModel.RandomValues(new Random(2), batches * steps * inputSize, 1.0f);
        var timeMajor = new float[batchMajor.Length];
        for (int b = 0; b < batches; b++)
            for (int t = 0; t < steps; t++)
                Array.Copy(batchMajor, (b * steps + t) * inputSize, timeMajor, (t * batches + b) * inputSize, inputSize);
        const float scale = 1f / 100;
        sbyte[] qBatch = QuantizeInput(batchMajor, scale, 0, out _);
        sbyte[] qTime = QuantizeInput(timeMajor, scale, 0, out _);

        using KernelRunner batchRunner = Runner(implementation, model.Int8Tensors(qBatch, scale, 0, false, 1f / 128, 1, -12),
            Options(ActivationFunctionType.TANH, 0f, false));
        using KernelRunner timeRunner = Runner(implementation, model.Int8Tensors(qTime, scale, 0, true, 1f / 128, 1, -12),
            Options(ActivationFunctionType.TANH, 0f, true));
        Assert.Equal(Status.Ok, batchRunner.InitAndPrepare());
        Assert.Equal(Status.Ok, timeRunner.InitAndPrepare());
        Assert.Equal(Status.Ok, batchRunner.Invoke());
        Assert.Equal(Status.Ok, timeRunner.Invoke());
        sbyte[] fromBatch = batchRunner.Get<sbyte>(LstmTestModel.OutputIndex);
        sbyte[] fromTime = timeRunner.Get<sbyte>(LstmTestModel.OutputIndex);
        for (int b = 0; b < batches; b++)
            for (int t = 0; t < steps; t++)
                for (int s = 0; s < stateSize; s++)
                    Assert.Equal(fromBatch[(b * steps + t) * stateSize + s], fromTime[(t * batches + b) * stateSize + s]);
        Assert.Equal(batchRunner.Get<short>(LstmTestModel.CellIndex), timeRunner.Get<short>(LstmTestModel.CellIndex));
        Assert.Equal(batchRunner.Get<sbyte>(LstmTestModel.HiddenIndex), timeRunner.Get<sbyte>(LstmTestModel.HiddenIndex));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8CellClipBoundsTheCellState(string implementation)
    {
        var model = new LstmTestModel(1, 6, 4, 4, seed: 30);
        float[] input = LstmTestModel.RandomValues(new Random(1), 6 * 4, 1.0f);
        sbyte[] q = QuantizeInput(input, 1f / 127, 0, out _);
        const float clip = 0.1f;
        using KernelRunner runner = Runner(implementation, model.Int8Tensors(q, 1f / 127, 0, false, 1f / 128, 0, -12),
            Options(ActivationFunctionType.TANH, clip, false));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        // 0.1 / 2^-12 = 409.6, truncated to 409.
        short[] cell = runner.Get<short>(LstmTestModel.CellIndex);
        foreach (short c in cell) Assert.InRange(c, (short)-409, (short)409);
        Assert.Contains(cell, c => c == 409 || c == -409);
    }

    [Fact]
    public void CellStateHelpersFollowTflm()
    {
        Assert.Equal(-12, UnidirectionalSequenceLstmCommon.RoundedLog2(1f / 4096));
        Assert.Equal(-11, UnidirectionalSequenceLstmCommon.RoundedLog2(1f / 2048));
        Assert.Equal(-12, UnidirectionalSequenceLstmCommon.RoundedLog2(0.0003f)); // log2 = -11.70
        Assert.Equal(-11, UnidirectionalSequenceLstmCommon.RoundedLog2(0.00055f)); // log2 = -10.83
        Assert.Equal(4096, UnidirectionalSequenceLstmCommon.QuantizeCellClip(1.0f, 1f / 4096));
        Assert.Equal(32767, UnidirectionalSequenceLstmCommon.QuantizeCellClip(10.0f, 1f / 4096));
        Assert.Equal(1, UnidirectionalSequenceLstmCommon.QuantizeCellClip(0.00031f, 1f / 4096));
    }

    [Fact]
    public void Int16ActivationsApproximateSigmoidAndTanh()
    {
        var input = new short[2001];
        for (int i = 0; i < input.Length; i++) input[i] = (short)(-32000 + 32 * i);
        var sigmoid = new short[input.Length];
        var tanh = new short[input.Length];
        LstmInt16Activations.Sigmoid(input, sigmoid);
        LstmInt16Activations.Tanh(-12, input, tanh);
        for (int i = 0; i < input.Length; i++)
        {
            double x = input[i] / 4096.0;
            Assert.True(Math.Abs(sigmoid[i] / 32768.0 - 1 / (1 + Math.Exp(-x))) < 2e-4, "sigmoid at " + x);
            Assert.True(Math.Abs(tanh[i] / 32768.0 - Math.Tanh(x)) < 4e-4, "tanh at " + x);
        }
        // Exact values TFLM's formulas give at 0: sigmoid 0.5, tanh 0.
        Assert.Equal(16384, LstmActivationAt(0, sigmoid: true));
        Assert.Equal(0, LstmActivationAt(0, sigmoid: false));
    }

    private static short LstmActivationAt(short x, bool sigmoid)
    {
        var output = new short[1];
        if (sigmoid) LstmInt16Activations.Sigmoid(new[] { x }, output);
        else LstmInt16Activations.Tanh(-12, new[] { x }, output);
        return output[0];
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int16ActivationsApproximateTheFloatLstm(string implementation)
    {
        const int batches = 1, steps = 3, inputSize = 4, stateSize = 3;
        var model = new LstmTestModel(batches, steps, inputSize, stateSize, seed: 40);
        float[] input = LstmTestModel.RandomValues(new Random(6), batches * steps * inputSize, 1.0f);
        const float inputScale = 1f / 16384, hiddenScale = 1f / 32768;
        var q = new short[input.Length];
        var dequantized = new float[input.Length];
        for (int i = 0; i < input.Length; i++)
        {
            q[i] = (short)Math.Round(input[i] / inputScale);
            dequantized[i] = q[i] * inputScale;
        }
        TestTensor[] int8 = model.Int8Tensors(new sbyte[input.Length], inputScale, 0, false, hiddenScale, 0, -12);
        TestTensor[] tensors = (TestTensor[])int8.Clone();
        tensors[0] = TestTensor.Int16(model.InputShape(false), q, inputScale, 0);
        for (int g = 0; g < 4; g++)
        {
            int[] bias = new int[stateSize];
            float biasScale = inputScale * LstmTestModel.WeightScale(model.InputWeights[g]);
            var wide = new long[stateSize];
            for (int s = 0; s < stateSize; s++) wide[s] = (long)Math.Round(model.Biases[g][s] / biasScale);
            tensors[9 + g] = TestTensor.Int64(new[] { stateSize }, wide, biasScale, isConstant: true);
        }
        tensors[LstmTestModel.HiddenIndex] = LstmTestModel.Variable(TensorType.Int16, new[] { batches, stateSize }, null,
            new LstmTestModel.QuantParams(hiddenScale, 0));
        tensors[LstmTestModel.OutputIndex] = TestTensor.Int16(model.OutputShape(false), null, hiddenScale, 0);
        using KernelRunner runner = Runner(implementation, tensors, Options(ActivationFunctionType.TANH, 0f, false));
        Assert.True(runner.InitAndPrepare() == Status.Ok, runner.Errors.MessageText);
        Assert.Equal(Status.Ok, runner.Invoke());

        double[] expected = model.Dequantized().Reference(dequantized, false, true, 0f, new double[stateSize], new double[stateSize]);
        short[] output = runner.Get<short>(LstmTestModel.OutputIndex);
        var actual = new float[output.Length];
        for (int i = 0; i < output.Length; i++) actual[i] = output[i] * hiddenScale;
        AssertClose(expected, actual, 3e-3);
    }

    // ---------------------------------------------------------------------------------------------
    // Prepare errors.

    private static Status PrepareFloat(string implementation, Func<TestTensor[], TestTensor[]> edit, int[]? slots = null,
        FbTable? options = null, Action<string>? checkMessage = null)
    {
        var model = new LstmTestModel(1, 2, 3, 2, seed: 1);
        TestTensor[] tensors = edit(model.FloatTensors(new float[6], false));
        using KernelRunner runner = Runner(implementation, tensors, options ?? Options(ActivationFunctionType.TANH, 0f, false), slots);
        Status status = runner.InitAndPrepare();
        checkMessage?.Invoke(runner.Errors.MessageText);
        return status;
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsBadConfigurations(string implementation)
    {
        Assert.Equal(Status.Ok, PrepareFloat(implementation, t => t));

        // Peephole weights (slot 9) are not part of the supported standard LSTM.
        int[] peephole = LstmTestModel.InputSlots();
        peephole[9] = 1;
        Assert.NotEqual(Status.Ok, PrepareFloat(implementation, t => t, peephole, checkMessage: m => Assert.Contains("peephole", m)));

        // CIFG (no input gate weights) is not supported either.
        int[] cifg = LstmTestModel.InputSlots();
        cifg[1] = -1;
        Assert.NotEqual(Status.Ok, PrepareFloat(implementation, t => t, cifg));

        // The states must be variable tensors.
        Assert.NotEqual(Status.Ok, PrepareFloat(implementation, t =>
        {
            t[LstmTestModel.CellIndex] = TestTensor.Float(new[] { 1, 2 });
            return t;
        }, checkMessage: m => Assert.Contains("variable", m)));

        // Weights of the wrong shape.
        Assert.NotEqual(Status.Ok, PrepareFloat(implementation, t =>
        {
            t[2] = TestTensor.Float(new[] { 2, 4 }, new float[8], isConstant: true);
            return t;
        }, checkMessage: m => Assert.Contains("tensor 2", m)));

        // Weights of another type than the input.
        Assert.NotEqual(Status.Ok, PrepareFloat(implementation, t =>
        {
            t[5] = TestTensor.Int8(new[] { 2, 2 }, new sbyte[4], 0.1f, 0, isConstant: true);
            return t;
        }, checkMessage: m => Assert.Contains("tensor 5", m)));

        // Output shape must follow the input and the state size.
        Assert.NotEqual(Status.Ok, PrepareFloat(implementation, t =>
        {
            t[LstmTestModel.OutputIndex] = TestTensor.Float(new[] { 1, 2, 3 });
            return t;
        }));

        // Only TANH and SIGMOID cell gate activations; cell clip must not be negative.
        Assert.NotEqual(Status.Ok, PrepareFloat(implementation, t => t, options: Options(ActivationFunctionType.RELU, 0f, false)));
        Assert.NotEqual(Status.Ok, PrepareFloat(implementation, t => t, options: Options(ActivationFunctionType.TANH, -1f, false)));

        // Wrong number of inputs.
        Assert.NotEqual(Status.Ok, PrepareFloat(implementation, t => t, new int[] { 0, 1, 2 }));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsAnInt8CellState(string implementation)
    {
        var model = new LstmTestModel(1, 2, 3, 2, seed: 1);
        TestTensor[] tensors = model.Int8Tensors(new sbyte[6], 0.01f, 0, false, 1f / 128, 0, -12);
        tensors[LstmTestModel.CellIndex] = LstmTestModel.Variable(TensorType.Int8, new[] { 1, 2 }, null, new LstmTestModel.QuantParams(0.01f, 0));
        using KernelRunner runner = Runner(implementation, tensors, Options(ActivationFunctionType.TANH, 0f, false));
        Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
        Assert.Contains("cell state", runner.Errors.MessageText);
    }
}

using System;
using System.Collections.Generic;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;

namespace TfLiteMicro.Kernels.Tests.UnidirectionalSequenceLstm;

/// <summary>
/// A small standard LSTM (four gates, no peephole/projection/layer norm) with float parameters, and the
/// straightforward double-precision reference the kernel tests compare against. Gate order in the arrays:
/// 0 input, 1 forget, 2 cell, 3 output (the op's input slots 1–4 / 5–8 / 12–15).
/// </summary>
internal sealed class LstmTestModel
{
    public LstmTestModel(int batches, int steps, int inputSize, int stateSize, int seed)
    {
        Batches = batches;
        Steps = steps;
        InputSize = inputSize;
        StateSize = stateSize;
        var random = new Random(seed);
        InputWeights = new float[4][];
        RecurrentWeights = new float[4][];
        Biases = new float[4][];
        for (int g = 0; g < 4; g++)
        {
            InputWeights[g] = RandomValues(random, stateSize * inputSize, 0.6f);
            RecurrentWeights[g] = RandomValues(random, stateSize * stateSize, 0.6f);
            Biases[g] = RandomValues(random, stateSize, 0.5f);
        }
    }

    public int Batches { get; }
    public int Steps { get; }
    public int InputSize { get; }
    public int StateSize { get; }
    public float[][] InputWeights { get; }
    public float[][] RecurrentWeights { get; }
    public float[][] Biases { get; }

    public static float[] RandomValues(Random random, int count, float magnitude)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = (float)((random.NextDouble() * 2 - 1) * magnitude);
        return values;
    }

    /// <summary>
    /// The reference LSTM in double: input in [batch, time, input] (or [time, batch, input] when time-major),
    /// states carried in <paramref name="hidden"/> / <paramref name="cell"/> ([batch, state]), output in the input's layout.
    /// </summary>
    public double[] Reference(float[] input, bool timeMajor, bool tanhCellGate, float cellClip, double[] hidden, double[] cell)
    {
        var output = new double[Batches * Steps * StateSize];
        var gates = new double[4][];
        for (int g = 0; g < 4; g++) gates[g] = new double[StateSize];
        for (int b = 0; b < Batches; b++)
        {
            for (int t = 0; t < Steps; t++)
            {
                int inputRow = timeMajor ? (t * Batches + b) : (b * Steps + t);
                for (int g = 0; g < 4; g++)
                {
                    for (int s = 0; s < StateSize; s++)
                    {
                        double sum = Biases[g][s];
                        for (int i = 0; i < InputSize; i++) sum += InputWeights[g][s * InputSize + i] * (double)input[inputRow * InputSize + i];
                        for (int j = 0; j < StateSize; j++) sum += RecurrentWeights[g][s * StateSize + j] * hidden[b * StateSize + j];
                        bool useTanh = g == 2 && tanhCellGate;
                        gates[g][s] = useTanh ? Math.Tanh(sum) : 1.0 / (1.0 + Math.Exp(-sum));
                    }
                }
                for (int s = 0; s < StateSize; s++)
                {
                    double c = gates[1][s] * cell[b * StateSize + s] + gates[0][s] * gates[2][s];
                    if (cellClip > 0) c = Math.Clamp(c, -cellClip, cellClip);
                    cell[b * StateSize + s] = c;
                }
                for (int s = 0; s < StateSize; s++)
                {
                    double h = gates[3][s] * Math.Tanh(cell[b * StateSize + s]);
                    hidden[b * StateSize + s] = h;
                    output[inputRow * StateSize + s] = h;
                }
            }
        }
        return output;
    }

    public int[] InputShape(bool timeMajor) => timeMajor ? new[] { Steps, Batches, InputSize } : new[] { Batches, Steps, InputSize };

    public int[] OutputShape(bool timeMajor) => timeMajor ? new[] { Steps, Batches, StateSize } : new[] { Batches, Steps, StateSize };

    /// <summary>The 24 input slots: tensor index per slot, -1 for the absent optional ones.</summary>
    public static int[] InputSlots()
    {
        var slots = new int[24];
        Array.Fill(slots, -1);
        slots[0] = 0;
        for (int i = 1; i <= 8; i++) slots[i] = i;
        for (int i = 12; i <= 15; i++) slots[i] = i - 3;
        slots[18] = 13;
        slots[19] = 14;
        return slots;
    }

    public const int OutputIndex = 15;
    public const int HiddenIndex = 13;
    public const int CellIndex = 14;

    /// <summary>Tensors for the float kernel: 0 input, 1–8 weights, 9–12 biases, 13 hidden, 14 cell, 15 output.</summary>
    public TestTensor[] FloatTensors(float[] input, bool timeMajor)
    {
        var tensors = new List<TestTensor> { TestTensor.Float(InputShape(timeMajor), input) };
        for (int g = 0; g < 4; g++) tensors.Add(TestTensor.Float(new[] { StateSize, InputSize }, InputWeights[g], isConstant: true));
        for (int g = 0; g < 4; g++) tensors.Add(TestTensor.Float(new[] { StateSize, StateSize }, RecurrentWeights[g], isConstant: true));
        for (int g = 0; g < 4; g++) tensors.Add(TestTensor.Float(new[] { StateSize }, Biases[g], isConstant: true));
        tensors.Add(Variable(TensorType.Float32, new[] { Batches, StateSize }, null, null));
        tensors.Add(Variable(TensorType.Float32, new[] { Batches, StateSize }, null, null));
        tensors.Add(TestTensor.Float(OutputShape(timeMajor)));
        return tensors.ToArray();
    }

    /// <summary>
    /// Tensors for the int8 kernel: weights quantized symmetrically per tensor, biases to input scale × weight
    /// scale, hidden state at <paramref name="hiddenScale"/>/<paramref name="hiddenZeroPoint"/>, cell at 2^cellPower.
    /// </summary>
    public TestTensor[] Int8Tensors(sbyte[] input, float inputScale, int inputZeroPoint, bool timeMajor, float hiddenScale,
        int hiddenZeroPoint, int cellPower)
    {
        var tensors = new List<TestTensor> { TestTensor.Int8(InputShape(timeMajor), input, inputScale, inputZeroPoint) };
        for (int g = 0; g < 4; g++) tensors.Add(QuantizedWeights(InputWeights[g], new[] { StateSize, InputSize }));
        for (int g = 0; g < 4; g++) tensors.Add(QuantizedWeights(RecurrentWeights[g], new[] { StateSize, StateSize }));
        for (int g = 0; g < 4; g++)
        {
            float biasScale = inputScale * WeightScale(InputWeights[g]);
            var bias = new int[StateSize];
            for (int s = 0; s < StateSize; s++) bias[s] = (int)Math.Round(Biases[g][s] / biasScale);
            tensors.Add(TestTensor.Int32(new[] { StateSize }, bias, biasScale, 0, isConstant: true));
        }
        var hiddenInitial = new sbyte[Batches * StateSize];
        Array.Fill(hiddenInitial, (sbyte)hiddenZeroPoint);
        tensors.Add(Variable(TensorType.Int8, new[] { Batches, StateSize }, TfLiteModelBuilder.Bytes(hiddenInitial),
            new QuantParams(hiddenScale, hiddenZeroPoint)));
        tensors.Add(Variable(TensorType.Int16, new[] { Batches, StateSize }, null, new QuantParams(MathF.Pow(2, cellPower), 0)));
        tensors.Add(TestTensor.Int8(OutputShape(timeMajor), null, hiddenScale, hiddenZeroPoint));
        return tensors.ToArray();
    }

    public static float WeightScale(float[] weights)
    {
        float max = 0;
        foreach (float w in weights) max = Math.Max(max, Math.Abs(w));
        return max / 127f;
    }

    /// <summary>The weights as the int8 kernel sees them (dequantized), for the float reference of the int8 tests.</summary>
    public LstmTestModel Dequantized()
    {
        var copy = new LstmTestModel(Batches, Steps, InputSize, StateSize, seed: 0);
        for (int g = 0; g < 4; g++)
        {
            copy.InputWeights[g] = RoundTrip(InputWeights[g]);
            copy.RecurrentWeights[g] = RoundTrip(RecurrentWeights[g]);
            copy.Biases[g] = (float[])Biases[g].Clone();
        }
        return copy;
    }

    private static float[] RoundTrip(float[] weights)
    {
        float scale = WeightScale(weights);
        var result = new float[weights.Length];
        for (int i = 0; i < weights.Length; i++) result[i] = (float)Math.Round(weights[i] / scale) * scale;
        return result;
    }

    private static TestTensor QuantizedWeights(float[] weights, int[] shape)
    {
        float scale = WeightScale(weights);
        var q = new sbyte[weights.Length];
        for (int i = 0; i < weights.Length; i++) q[i] = (sbyte)Math.Round(weights[i] / scale);
        return TestTensor.Int8(shape, q, scale, 0, isConstant: true);
    }

    public readonly record struct QuantParams(float Scale, int ZeroPoint);

    public static TestTensor Variable(TensorType type, int[] shape, byte[]? data, QuantParams? quantization) =>
        new TestTensor(type, shape, data,
            quantization == null ? null : new[] { quantization.Value.Scale },
            quantization == null ? null : new long[] { quantization.Value.ZeroPoint }, isVariable: true);
}

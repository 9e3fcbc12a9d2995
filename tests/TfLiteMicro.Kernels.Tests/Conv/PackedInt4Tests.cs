using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Conv;

/// <summary>int4 weights: the unpacking rule, and CONV_2D / DEPTHWISE_CONV_2D giving the same result as with int8 weights.</summary>
public class PackedInt4Tests
{
    [Fact]
    public void UnpacksLowNibbleFirstWithSignExtension()
    {
        // 0x9F: low nibble 0xF = −1, high 0x9 = −7; 0x70: 0, 7; 0x08 (odd count): low nibble 8 = −8, high ignored.
        byte[] packed = { 0x9F, 0x70, 0x38 };
        sbyte[] unpacked = new sbyte[5];
        PackedInt4.Unpack(packed, unpacked);
        Assert.Equal(new sbyte[] { -1, -7, 0, 7, -8 }, unpacked);
    }

    /// <summary>The test's own packing: element 2k in the low nibble of byte k, element 2k+1 in the high nibble.</summary>
    internal static byte[] Pack(sbyte[] values)
    {
        byte[] packed = new byte[(values.Length + 1) / 2];
        for (int i = 0; i < values.Length; i++)
        {
            int nibble = values[i] & 0xF;
            packed[i / 2] |= (byte)(i % 2 == 0 ? nibble : nibble << 4);
        }
        return packed;
    }

    /// <summary>Every implementation: ports that cannot use packed int4 weights must fall back to the reference.</summary>
    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void ConvAndDepthwiseWithInt4WeightsMatchInt8Weights(string implementation)
    {
        System.Random random = new System.Random(51);
        foreach (bool depthwise in new[] { false, true })
        {
            int[] inputShape = { 1, 5, 5, 3 };
            int[] filterShape = depthwise ? new[] { 1, 3, 3, 3 } : new[] { 3, 3, 3, 3 };
            int[] outputShape = { 1, 5, 5, 3 };
            sbyte[] input = ConvolutionReference.RandomInt8(random, 75);
            sbyte[] weights = ConvolutionReference.RandomInt8(random, ConvolutionReference.Count(filterShape), -8, 7);
            float[] scales = { 0.1f, 0.2f, 0.15f };
            int quantizedDimension = depthwise ? 3 : 0;
            BuiltinOperator op = depthwise ? BuiltinOperator.DEPTHWISE_CONV_2D : BuiltinOperator.CONV_2D;
            byte optionsType = (byte)(depthwise ? BuiltinOptions.DepthwiseConv2DOptions : BuiltinOptions.Conv2DOptions);
            FbTable options = depthwise
                ? new FbTable().Scalar(0, (sbyte)Padding.SAME).Scalar(1, 1).Scalar(2, 1).Scalar(3, 1)
                : new FbTable().Scalar(0, (sbyte)Padding.SAME).Scalar(1, 1).Scalar(2, 1);
            sbyte[][] results = new sbyte[2][];
            for (int pass = 0; pass < 2; pass++)
            {
                TestTensor filter = pass == 0
                    ? TestTensor.Int8PerChannel(filterShape, weights, scales, quantizedDimension)
                    : new TestTensor(TensorType.Int4, filterShape, Pack(weights), scales, new long[3], quantizedDimension, isConstant: true);
                using KernelRunner runner = new KernelRunner(KernelImplementations.Get(implementation, op), new[]
                {
                    TestTensor.Int8(inputShape, input, 0.05f, 4),
                    filter,
                    TestTensor.Int32(new[] { 3 }, new[] { 100, -50, 7 }, isConstant: true),
                    TestTensor.Int8(outputShape, null, 0.08f, -2),
                }, new[] { 0, 1, 2 }, new[] { 3 }, op, optionsType, options);
                Assert.Equal(Status.Ok, runner.InitAndPrepare());
                Assert.Equal(Status.Ok, runner.Invoke());
                results[pass] = runner.Get<sbyte>(3);
            }
            Assert.Equal(results[0], results[1]);
            Assert.Contains(results[0], v => v != results[0][0]);
        }
    }
}

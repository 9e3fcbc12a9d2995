using System;
using System.Collections.Generic;
using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Testing;

namespace TfLiteMicro.Kernels.Tests.Decode;

/// <summary>Builds DECODE nodes the way TFLM's decode_test_helpers.h does: uint8 constant inputs, outputs after them.</summary>
public static class DecodeTestSupport
{
    /// <summary>TFLM_DECODE from the full resolver of an implementation (ports fall back to the reference).</summary>
    public static OpKernel Kernel(string implementation) => TestKernelSets.CustomKernel(implementation, "TFLM_DECODE");

    /// <summary>
    /// A runner for the pairs: inputs 2i (encoded) and 2i+1 (ancillary), output tensor 2n + i. Set
    /// <paramref name="constantInputs"/> false to make the encoded tensors variable.
    /// </summary>
    public static KernelRunner Runner(string implementation, DecodePair[] pairs, bool constantInputs = true)
    {
        var tensors = new List<TestTensor>();
        foreach (DecodePair pair in pairs)
        {
            tensors.Add(new TestTensor(TensorType.UInt8, new[] { pair.Encoded.Length }, pair.Encoded, isConstant: constantInputs));
            tensors.Add(new TestTensor(TensorType.UInt8, new[] { pair.Ancillary.Length }, pair.Ancillary, isConstant: true));
        }
        foreach (DecodePair pair in pairs) tensors.Add(pair.Output);
        int[] inputs = new int[2 * pairs.Length];
        for (int i = 0; i < inputs.Length; i++) inputs[i] = i;
        int[] outputs = new int[pairs.Length];
        for (int i = 0; i < outputs.Length; i++) outputs[i] = inputs.Length + i;
        return new KernelRunner(Kernel(implementation), tensors, inputs, outputs);
    }

    /// <summary>The 16-byte Decode Common Metadata followed by <paramref name="tables"/>.</summary>
    public static byte[] Ancillary(DecodeType type, byte parameters, byte stride, byte[] tables, byte version = 1, byte decoderVersion = 1)
    {
        byte[] bytes = new byte[16 + tables.Length];
        bytes[0] = (byte)type;
        bytes[1] = version;
        bytes[4] = decoderVersion;
        bytes[5] = parameters;
        bytes[6] = stride;
        tables.CopyTo(bytes, 16);
        return bytes;
    }

    /// <summary>Packs indices most-significant-bit first into whole bytes, zero padded (TFLM's FillCompressed).</summary>
    public static byte[] PackBits(IReadOnlyList<int> values, int bitWidth)
    {
        byte[] packed = new byte[(values.Count * bitWidth + 7) / 8];
        int bit = 0;
        foreach (int value in values)
        {
            for (int b = bitWidth - 1; b >= 0; b--, bit++)
            {
                if (((value >> b) & 1) != 0) packed[bit / 8] |= (byte)(0x80 >> (bit % 8));
            }
        }
        return packed;
    }

    public static byte[] Concat(params byte[][] parts)
    {
        var all = new List<byte>();
        foreach (byte[] part in parts) all.AddRange(part);
        return all.ToArray();
    }

    /// <summary>A tensor of the given type whose first <paramref name="channels"/> scales make it per-channel.</summary>
    public static TestTensor Output(TensorType type, int[] shape, int channels = 0, int quantizedDimension = 0, long[]? zeroPoints = null)
    {
        if (channels == 0 && zeroPoints == null) return new TestTensor(type, shape);
        int count = channels == 0 ? zeroPoints!.Length : channels;
        float[] scales = new float[count];
        for (int i = 0; i < count; i++) scales[i] = 1f;
        return new TestTensor(type, shape, null, scales, zeroPoints ?? new long[count], quantizedDimension);
    }

    /// <summary>Raw bytes of an output tensor.</summary>
    public static byte[] OutputBytes(KernelRunner runner, int tensorIndex) => runner.Get<byte>(tensorIndex);
}

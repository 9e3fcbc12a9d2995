using System;
using System.Collections.Generic;
using Xunit;

namespace TfLiteMicro.Schema.Tests;

/// <summary>
/// Damaged inputs: every outcome must be Ok or a non-Ok status with a message — never an exception, never a read
/// outside the bytes. After a successful verification the whole model is walked through the accessors, so an
/// accessor that trusted something the verifier let through would show up here (as a crash of the test host).
/// </summary>
public unsafe class RobustnessTests
{
    /// <summary>Small models get every prefix length; larger ones a sample.</summary>
    [Theory]
    [InlineData("hello_world_int8", 1)]
    [InlineData("hello_world_float", 1)]
    [InlineData("micro_speech_audio_preprocessor_int8", 7)]
    [InlineData("person_detect", 997)]
    public void TruncatedModelsAreRejected(string id, int step)
    {
        byte[] bytes = File.ReadAllBytes(TestData.ModelFile(id));
        var errors = new ErrorReporter();
        int rejected = 0;
        for (int length = 0; length < bytes.Length; length += step)
        {
            using var buffer = new ModelBuffer(bytes.AsSpan(0, length));
            if (CheckOutcome(buffer, errors) != Status.Ok) rejected++;
        }
        // Data sits at the end of these files, so almost every prefix cuts a buffer or a table.
        Assert.True(rejected > 0);
    }

    [Fact]
    public void RandomBytesAreRejectedWithoutCrashing()
    {
        var random = new Random(1234);
        var errors = new ErrorReporter();
        for (int i = 0; i < 2000; i++)
        {
            byte[] bytes = new byte[random.Next(0, 512)];
            random.NextBytes(bytes);
            if (bytes.Length >= 8 && (i & 1) == 0)
            {
                // Half of them get a valid identifier and a small root offset, to get past the first checks.
                bytes[4] = (byte)'T'; bytes[5] = (byte)'F'; bytes[6] = (byte)'L'; bytes[7] = (byte)'3';
                BitConverter.TryWriteBytes(bytes.AsSpan(0, 4), (uint)(random.Next(2, bytes.Length / 4) * 4));
            }
            using var buffer = new ModelBuffer(bytes);
            Assert.NotEqual(Status.Ok, CheckOutcome(buffer, errors));
        }
    }

    public static IEnumerable<object[]> MutationModels()
    {
        yield return new object[] { "hello_world_int8" };
        yield return new object[] { "hello_world_float" };
        yield return new object[] { "keyword_scrambled" };
        yield return new object[] { "micro_speech_quantized" };
        yield return new object[] { "micro_speech_audio_preprocessor_int8" };
        yield return new object[] { "mnist_lstm_int8" };
        yield return new object[] { "dtln_noise_suppression" };
        yield return new object[] { "seanet_transpose_conv_transpose_conv0" };
    }

    /// <summary>
    /// Single-byte changes at random positions, biased towards the FlatBuffer structure (the front and back of
    /// the file, where tables, vtables and vectors of these models sit, rather than the middle weight data).
    /// </summary>
    [Theory]
    [MemberData(nameof(MutationModels))]
    public void SingleByteMutationsNeverCrash(string id)
    {
        byte[] original = File.ReadAllBytes(TestData.ModelFile(id));
        var random = new Random(StableSeed(id));
        var errors = new ErrorReporter();
        using var buffer = new ModelBuffer(original);
        int accepted = 0, rejected = 0;
        for (int i = 0; i < 3000; i++)
        {
            original.CopyTo(buffer.Span);
            int position = PickPosition(random, original.Length);
            buffer.Span[position] = (byte)random.Next(256);
            if (CheckOutcome(buffer, errors) == Status.Ok) accepted++; else rejected++;
        }
        Assert.Equal(3000, accepted + rejected);
        Assert.True(rejected > 0, "no mutation was rejected");
    }

    /// <summary>Overwrites aligned 4-byte words (offsets, lengths, vtable entries) with boundary and random values.</summary>
    [Theory]
    [MemberData(nameof(MutationModels))]
    public void OffsetMutationsNeverCrash(string id)
    {
        byte[] original = File.ReadAllBytes(TestData.ModelFile(id));
        var random = new Random(StableSeed(id) + 1);
        var errors = new ErrorReporter();
        using var buffer = new ModelBuffer(original);
        int rejected = 0;
        uint[] interesting = { 0, 1, 2, 3, 4, 7, 8, 0x7fff, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xfffffffc, 0xffffffff };
        for (int i = 0; i < 3000; i++)
        {
            original.CopyTo(buffer.Span);
            int position = PickPosition(random, original.Length - 3) & ~3;
            uint current = BitConverter.ToUInt32(original, position);
            uint value;
            switch (random.Next(5))
            {
                case 0: value = interesting[random.Next(interesting.Length)]; break;
                case 1: value = (uint)(original.Length - position + random.Next(-8, 9)); break; // around the end
                case 2: value = current + (uint)random.Next(-16, 17); break; // nudged
                case 3: value = (uint)random.Next(); break;
                default: value = (current & 0xffff0000u) | (uint)random.Next(0x10000); break; // one u16 (vtable entry)
            }
            BitConverter.TryWriteBytes(buffer.Span.Slice(position, 4), value);
            if (CheckOutcome(buffer, errors) != Status.Ok) rejected++;
        }
        Assert.True(rejected > 0, "no mutation was rejected");
    }

    /// <summary>
    /// Runs TryCreate; asserts the status/message contract; on success walks every accessor. Returns the status.
    /// </summary>
    internal static Status CheckOutcome(ModelBuffer buffer, ErrorReporter errors)
    {
        errors.Clear();
        Status status = buffer.TryLoadModel(errors, out Model model);
        if (status != Status.Ok)
        {
            Assert.True(errors.Message.Length > 0, "non-Ok status without a message");
            Assert.False(model.IsValid);
            return status;
        }
        WalkEverything(model, buffer);
        return status;
    }

    /// <summary>Touches every field the accessors expose; any out-of-range pointer is caught by the range checks.</summary>
    internal static long WalkEverything(Model model, ModelBuffer buffer)
    {
        long checksum = model.Version + model.Description.Length;
        for (int c = 0; c < model.OperatorCodeCount; c++)
        {
            OperatorCode code = model.GetOperatorCode(c);
            checksum += (int)code.BuiltinCode + code.Version + Sum(code.CustomCode.Bytes);
        }
        for (int b = 0; b < model.BufferCount; b++)
        {
            Buffer data = model.GetBuffer(b);
            AssertInside(buffer, data.Data, data.Length);
            if (data.Length > 0) checksum += data.Data[0] + data.Data[data.Length - 1];
        }
        for (int m = 0; m < model.MetadataCount; m++)
        {
            Metadata metadata = model.GetMetadata(m);
            checksum += Sum(metadata.Name.Bytes) + model.GetBuffer(metadata.BufferIndex).Length;
        }
        for (int g = 0; g < model.SignatureDefCount; g++)
        {
            SignatureDef signature = model.GetSignatureDef(g);
            checksum += signature.SubgraphIndex + Sum(signature.SignatureKey.Bytes);
            for (int i = 0; i < signature.InputCount; i++) checksum += signature.GetInput(i).TensorIndex + signature.GetInput(i).Name.Length;
            for (int i = 0; i < signature.OutputCount; i++) checksum += signature.GetOutput(i).TensorIndex;
        }
        for (int s = 0; s < model.SubgraphCount; s++)
        {
            SubGraph subgraph = model.GetSubgraph(s);
            checksum += Sum(subgraph.Name.Bytes) + Sum(subgraph.Inputs.AsSpan()) + Sum(subgraph.Outputs.AsSpan());
            for (int t = 0; t < subgraph.TensorCount; t++)
            {
                Tensor tensor = subgraph.GetTensor(t);
                checksum += (int)tensor.Type + tensor.BufferIndex + Sum(tensor.Shape.AsSpan()) + Sum(tensor.ShapeSignature.AsSpan()) + Sum(tensor.Name.Bytes);
                Assert.InRange(tensor.BufferIndex, 0, Math.Max(0, model.BufferCount - 1));
                if (tensor.HasQuantization)
                {
                    QuantizationParameters q = tensor.Quantization;
                    checksum += q.Scale.Count + q.ZeroPoint.Count + q.Min.Count + q.Max.Count + q.QuantizedDimension + (int)q.DetailsType;
                    foreach (float scale in q.Scale.AsSpan()) checksum += (long)(scale * 7);
                    foreach (long zeroPoint in q.ZeroPoint.AsSpan()) checksum += zeroPoint;
                    Assert.True(q.ZeroPoint.Count == 0 || q.ZeroPoint.Count == q.Scale.Count);
                }
            }
            for (int o = 0; o < subgraph.OperatorCount; o++)
            {
                Operator op = subgraph.GetOperator(o);
                Assert.InRange(op.OpcodeIndex, 0, model.OperatorCodeCount - 1);
                checksum += Sum(op.Inputs.AsSpan()) + Sum(op.Outputs.AsSpan()) + Sum(op.Intermediates.AsSpan());
                foreach (int index in op.Inputs.AsSpan()) Assert.InRange(index, -1, subgraph.TensorCount - 1);
                foreach (int index in op.Outputs.AsSpan()) Assert.InRange(index, -1, subgraph.TensorCount - 1);
                AssertInside(buffer, op.CustomOptionsPointer, op.CustomOptionsLength);
                checksum += Sum(op.CustomOptions) + (int)op.BuiltinOptionsType + (int)op.BuiltinOptions2Type;
                checksum += OptionsProbe.ReadAll(op);
            }
        }
        return checksum;
    }

    private static long Sum(ReadOnlySpan<byte> bytes)
    {
        long sum = 0;
        foreach (byte b in bytes) sum += b;
        return sum;
    }

    private static long Sum(ReadOnlySpan<int> values)
    {
        long sum = 0;
        foreach (int v in values) sum += v;
        return sum;
    }

    private static void AssertInside(ModelBuffer buffer, byte* pointer, int length)
    {
        Assert.True(length >= 0);
        if (length == 0) return;
        Assert.True(pointer >= buffer.Pointer && pointer + length <= buffer.Pointer + buffer.Length, "pointer outside the model bytes");
    }

    private static int PickPosition(Random random, int length)
    {
        // 40% in the first 4 KiB, 40% in the last 4 KiB, 20% anywhere.
        int window = Math.Min(4096, length);
        switch (random.Next(5))
        {
            case 0: case 1: return random.Next(window);
            case 2: case 3: return length - 1 - random.Next(window);
            default: return random.Next(length);
        }
    }

    private static int StableSeed(string text)
    {
        int hash = 17;
        foreach (char c in text) hash = hash * 31 + c;
        return hash;
    }
}

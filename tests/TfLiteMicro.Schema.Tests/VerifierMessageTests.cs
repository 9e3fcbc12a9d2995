using System;
using Xunit;

namespace TfLiteMicro.Schema.Tests;

/// <summary>
/// Each semantic and structural rule, broken on purpose in a copy of a real model (located through the
/// accessors, then patched in place), must be rejected with a message naming the object and the value.
/// </summary>
public unsafe class VerifierMessageTests
{
    private static ModelBuffer Copy(string id) => new ModelBuffer(File.ReadAllBytes(TestData.ModelFile(id)));

    private static string Reject(ModelBuffer buffer, Status expected = Status.MalformedModel)
    {
        var errors = new ErrorReporter();
        Status status = buffer.TryLoadModel(errors, out Model model);
        Assert.Equal(expected, status);
        Assert.False(model.IsValid);
        Assert.False(string.IsNullOrEmpty(errors.MessageText));
        return errors.MessageText;
    }

    [Fact]
    public void OperatorInputOutOfRange()
    {
        using ModelBuffer buffer = Copy("hello_world_int8");
        SubGraph main = ModelReadingTests.Load(buffer).GetSubgraph(0);
        main.GetOperator(2).Inputs.Items[1] = 57;
        Assert.Equal("subgraph 0, operator 2: input tensor index 57 (position 1) out of range (tensors: " + main.TensorCount + ")", Reject(buffer));
    }

    [Fact]
    public void OperatorOutputAndIntermediateBelowMinusOne()
    {
        using ModelBuffer buffer = Copy("hello_world_int8");
        SubGraph main = ModelReadingTests.Load(buffer).GetSubgraph(0);
        main.GetOperator(1).Outputs.Items[0] = -2;
        Assert.StartsWith("subgraph 0, operator 1: output tensor index -2", Reject(buffer));
    }

    [Fact]
    public void OptionalInputMinusOneIsAccepted()
    {
        using ModelBuffer buffer = Copy("hello_world_int8");
        SubGraph main = ModelReadingTests.Load(buffer).GetSubgraph(0);
        main.GetOperator(0).Inputs.Items[2] = -1; // the bias of FULLY_CONNECTED is optional
        ModelReadingTests.Load(buffer);
    }

    [Fact]
    public void SubgraphInputOutOfRange()
    {
        using ModelBuffer buffer = Copy("hello_world_float");
        SubGraph main = ModelReadingTests.Load(buffer).GetSubgraph(0);
        main.Inputs.Items[0] = 1000;
        Assert.Equal("subgraph 0: input tensor index 1000 (position 0) out of range (tensors: " + main.TensorCount + ")", Reject(buffer));
    }

    [Fact]
    public void OpcodeIndexOutOfRange()
    {
        using ModelBuffer buffer = Copy("micro_speech_quantized");
        Model model = ModelReadingTests.Load(buffer);
        Operator op = FindOperatorWithField(model.GetSubgraph(0), 0);
        *(uint*)op.Table.GetFieldPointer(0) = 9;
        Assert.EndsWith("opcode index 9 out of range (operator codes: " + model.OperatorCodeCount + ")", Reject(buffer));
    }

    [Fact]
    public void TensorBufferIndexOutOfRange()
    {
        using ModelBuffer buffer = Copy("hello_world_int8");
        Model model = ModelReadingTests.Load(buffer);
        Tensor weights = model.GetSubgraph(0).GetTensor(model.GetSubgraph(0).GetOperator(0).Inputs[1]);
        *(uint*)weights.Table.GetFieldPointer(2) = 9999;
        string message = Reject(buffer);
        Assert.Contains("buffer index 9999 out of range (buffers: " + model.BufferCount + ")", message);
        Assert.StartsWith("subgraph 0, tensor ", message);
    }

    [Fact]
    public void NegativeDimension()
    {
        using ModelBuffer buffer = Copy("hello_world_int8");
        SubGraph main = ModelReadingTests.Load(buffer).GetSubgraph(0);
        main.GetTensor(main.Inputs[0]).Shape.Items[1] = -3;
        Assert.EndsWith("dimension 1 is -3 (must be >= 0)", Reject(buffer));
    }

    [Fact]
    public void ConstantDataLengthMustMatchShape()
    {
        using ModelBuffer buffer = Copy("hello_world_int8");
        Model model = ModelReadingTests.Load(buffer);
        Tensor weights = model.GetSubgraph(0).GetTensor(model.GetSubgraph(0).GetOperator(1).Inputs[1]);
        int rows = weights.Shape[0], columns = weights.Shape[1];
        weights.Shape.Items[0] = rows + 1;
        Assert.EndsWith("constant data is " + rows * columns + " bytes but shape [" + (rows + 1) + ", " + columns + "] of INT8 needs " + (rows + 1) * columns,
            Reject(buffer));
    }

    [Fact]
    public void ZeroPointCountMustMatchScaleCount()
    {
        using ModelBuffer buffer = Copy("mlperf_ic_int8");
        Model model = ModelReadingTests.Load(buffer);
        SubGraph main = model.GetSubgraph(0);
        for (int t = 0; t < main.TensorCount; t++)
        {
            QuantizationParameters q = main.GetTensor(t).Quantization;
            if (q.Scale.Count < 2) continue;
            ((int*)q.ZeroPoint.Items)[-1] = q.Scale.Count - 1; // the count word precedes the items
            Assert.EndsWith("quantization has " + q.Scale.Count + " scales but " + (q.Scale.Count - 1) + " zero points", Reject(buffer));
            return;
        }
        Assert.Fail("no per-channel tensor found");
    }

    [Fact]
    public void SchemaVersionMustBeThree()
    {
        using ModelBuffer buffer = Copy("hello_world_float");
        Model model = ModelReadingTests.Load(buffer);
        *(uint*)model.Table.GetFieldPointer(0) = 4;
        Assert.Equal("model schema version 4 is not supported (expected 3)", Reject(buffer));
    }

    [Fact]
    public void NoSubgraphs()
    {
        using ModelBuffer buffer = Copy("hello_world_float");
        Model model = ModelReadingTests.Load(buffer);
        byte* field = model.Table.GetFieldPointer(2);
        *(uint*)(field + *(uint*)field) = 0; // subgraphs vector count
        Assert.Equal("model has no subgraphs", Reject(buffer));
    }

    [Fact]
    public void WrongFileIdentifierIsRejectedAbsentOneIsAccepted()
    {
        using ModelBuffer buffer = Copy("hello_world_float");
        buffer.Span[7] = (byte)'2';
        Assert.Equal("file identifier is 'TFL2', expected 'TFL3' (not a TFLite model)", Reject(buffer));
        buffer.Span[4] = 0; buffer.Span[5] = 0; buffer.Span[6] = 0; buffer.Span[7] = 0;
        ModelReadingTests.Load(buffer);
    }

    [Fact]
    public void UnknownUnionTypeNamesThePath()
    {
        using ModelBuffer buffer = Copy("hello_world_int8");
        Operator op = ModelReadingTests.Load(buffer).GetSubgraph(0).GetOperator(1);
        *op.Table.GetFieldPointer(3) = 200;
        Assert.Equal("model.subgraphs[0].operators[1].builtin_options: unknown BuiltinOptions type 200", Reject(buffer));
    }

    [Fact]
    public void UnionTableIsVerifiedAsItsTaggedType()
    {
        // FullyConnectedOptions read as Conv2DOptions: field 1 (stride_w, int) lands on a 1-byte field. Either the
        // structural check refuses the table as a Conv2DOptions, or (bytes that happen to form one) the semantic check
        // refuses Conv2DOptions on a FULLY_CONNECTED operator; a kernel never reads the wrong table.
        using ModelBuffer buffer = Copy("hello_world_int8");
        Operator op = ModelReadingTests.Load(buffer).GetSubgraph(0).GetOperator(0);
        *op.Table.GetFieldPointer(3) = (byte)BuiltinOptions.Conv2DOptions;
        var errors = new ErrorReporter();
        Assert.Equal(Status.MalformedModel, buffer.TryLoadModel(errors, out _));
        string message = errors.MessageText;
        Assert.True(message.StartsWith("model.subgraphs[0].operators[0].builtin_options.", StringComparison.Ordinal)
            || message.Contains("builtin_options_type 1 does not match operator FULLY_CONNECTED", StringComparison.Ordinal), message);
    }

    [Fact]
    public void StructuralErrorNamesPathAndValue()
    {
        using ModelBuffer buffer = Copy("hello_world_int8");
        SubGraph main = ModelReadingTests.Load(buffer).GetSubgraph(0);
        IntVector shape = main.GetTensor(0).Shape;
        shape.LengthPrefixed[0] = 0x10000000; // a shape vector far longer than the file
        string message = Reject(buffer);
        Assert.StartsWith("model.subgraphs[0].tensors[0].shape: vector at offset ", message);
        Assert.Contains("with 268435456 elements of 4 bytes extends past the buffer end", message);
    }

    [Fact]
    public void MetadataBufferIndexOutOfRange()
    {
        foreach (string id in TestData.Models.Ids())
        {
            using ModelBuffer buffer = Copy(id);
            Model model = ModelReadingTests.Load(buffer);
            if (model.MetadataCount == 0) continue;
            Metadata metadata = model.GetMetadata(0);
            byte* field = new Table(model.Table.GetTableVector(6)[0].Pointer).GetFieldPointer(1);
            if (field == null) continue;
            *(uint*)field = 77777;
            Assert.Contains("metadata 0 '", Reject(buffer));
            Assert.EndsWith("buffer index 77777 out of range (buffers: " + model.BufferCount + ")", Reject(buffer));
            return;
        }
        Assert.Fail("no shared model has metadata");
    }

    [Fact]
    public void SignatureIndicesAreChecked()
    {
        foreach (string id in TestData.Models.Ids())
        {
            using ModelBuffer buffer = Copy(id);
            Model model = ModelReadingTests.Load(buffer);
            if (model.SignatureDefCount == 0) continue;
            // Default values are often not stored, so look for a TensorMap whose tensor_index field is present.
            for (int list = 0; list < 2; list++)
            {
                TableVector maps = model.Table.GetTableVector(7)[0].GetTableVector(list);
                for (int i = 0; i < maps.Count; i++)
                {
                    byte* field = maps[i].GetFieldPointer(1);
                    if (field == null) continue;
                    uint saved = *(uint*)field;
                    *(uint*)field = 5000;
                    string message = Reject(buffer);
                    Assert.StartsWith("signature 0 " + (list == 0 ? "input '" : "output '"), message);
                    Assert.Contains("tensor index 5000 out of range", message);
                    *(uint*)field = saved;
                    ModelReadingTests.Load(buffer);
                    return;
                }
            }
        }
        Assert.Fail("no shared model has a signature def with inputs");
    }

    [Fact]
    public void NullMisalignedAndTinyInputs()
    {
        var errors = new ErrorReporter();
        Assert.Equal(Status.InvalidArgument, Model.TryCreate(null, 100, errors, out _));
        Assert.Contains("null", errors.MessageText);
        using ModelBuffer buffer = Copy("hello_world_float");
        Assert.Equal(Status.InvalidArgument, Model.TryCreate(buffer.Pointer + 1, buffer.Length - 1, errors, out _));
        Assert.Contains("aligned", errors.MessageText);
        Assert.Equal(Status.MalformedModel, Model.TryCreate(buffer.Pointer, 7, errors, out _));
        Assert.Equal("model is 7 bytes, too short for a TFLite FlatBuffer", errors.MessageText);
    }

    /// <summary>
    /// A hand-made buffer whose subgraphs vector repeats one subgraph 100 000 times, each with a 100 000-int
    /// inputs vector: 10^10 elements to walk. The work budget must stop it quickly with a message.
    /// </summary>
    [Fact]
    public void SharedSubtreesCannotCauseHang()
    {
        const int repeats = 100000, inputs = 100000;
        int subgraphVtable = 36 + 4 * repeats;
        int length = subgraphVtable + 20 + 4 * inputs;
        byte[] bytes = new byte[length];
        void U32(int at, uint value) => BitConverter.TryWriteBytes(bytes.AsSpan(at, 4), value);
        void U16(int at, ushort value) => BitConverter.TryWriteBytes(bytes.AsSpan(at, 2), value);
        U32(0, 20);                                       // root offset -> model table at 20
        bytes[4] = (byte)'T'; bytes[5] = (byte)'F'; bytes[6] = (byte)'L'; bytes[7] = (byte)'3';
        U16(8, 10); U16(10, 12); U16(12, 4); U16(14, 0); U16(16, 8); // model vtable: version @4, subgraphs @8
        U32(20, 12);                                      // soffset to vtable at 8
        U32(24, 3);                                       // version
        U32(28, 32 - 28);                                 // subgraphs -> vector at 32
        U32(32, repeats);
        int subgraphTable = subgraphVtable + 8;
        for (int i = 0; i < repeats; i++) U32(36 + 4 * i, (uint)(subgraphTable - (36 + 4 * i)));
        U16(subgraphVtable, 8); U16(subgraphVtable + 2, 8); U16(subgraphVtable + 4, 0); U16(subgraphVtable + 6, 4); // inputs @4
        U32(subgraphTable, 8);
        U32(subgraphTable + 4, 4);                        // inputs -> vector right after the table
        U32(subgraphTable + 8, inputs);
        using var buffer = new ModelBuffer(bytes);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        string message = Reject(buffer);
        Assert.True(watch.ElapsedMilliseconds < 5000, "verification took " + watch.ElapsedMilliseconds + " ms");
        Assert.Contains("too complex to verify", message);
    }

    private static Operator FindOperatorWithField(SubGraph subgraph, int id)
    {
        for (int o = 0; o < subgraph.OperatorCount; o++)
        {
            if (subgraph.GetOperator(o).Table.HasField(id)) return subgraph.GetOperator(o);
        }
        throw new InvalidOperationException("no operator stores field " + id);
    }
}

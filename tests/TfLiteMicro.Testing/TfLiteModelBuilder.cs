using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;

namespace TfLiteMicro.Testing;

/// <summary>
/// Builds small TFLite models in memory for tests (field ids from the TFLite schema). Covers what the tests need:
/// tensors with shapes, types, constant data and quantization, builtin and custom operators with options,
/// several subgraphs, and metadata (e.g. an offline memory plan).
/// </summary>
public sealed class TfLiteModelBuilder
{
    private readonly List<byte[]> buffers = new List<byte[]> { Array.Empty<byte>() };
    private readonly List<(int Builtin, string? Custom)> operatorCodes = new List<(int, string?)>();
    private readonly List<SubgraphBuilder> subgraphs = new List<SubgraphBuilder>();
    private readonly List<(string Name, int Buffer)> metadata = new List<(string, int)>();

    public uint Version { get; set; } = 3;

    /// <summary>
    /// Where 8-byte values start, mod 8: 0 as FlatBuffers builders write them, 4 as some third-party converters do
    /// (FlatBuffers aligns only a vector's length word; TFLM runs such files). Applies to the elements of int64 vectors
    /// (quantization zero points), to custom options (so FlexBuffer doubles and uint64s land at 4 mod 8) and to the
    /// 8-byte offset/size fields of <see cref="ExternalBuffers"/>.
    /// </summary>
    public int EightByteValueOffset { get; set; }

    /// <summary>
    /// Writes constant data after the FlatBuffer, referenced by each Buffer's 8-byte offset/size fields (the schema's
    /// format for models over 2 GB), instead of inline data vectors.
    /// </summary>
    public bool ExternalBuffers { get; set; }

    public SubgraphBuilder AddSubgraph(string name = "")
    {
        SubgraphBuilder subgraph = new SubgraphBuilder(this, name);
        subgraphs.Add(subgraph);
        return subgraph;
    }

    /// <summary>Adds a buffer with raw bytes; returns its index.</summary>
    public int AddBuffer(byte[] data)
    {
        buffers.Add(data);
        return buffers.Count - 1;
    }

    public void AddMetadata(string name, byte[] data) => metadata.Add((name, AddBuffer(data)));

    /// <summary>Adds the OfflineMemoryAllocation metadata: offsets per tensor of all subgraphs (-1 = online).</summary>
    public void AddOfflineMemoryPlan(params int[] offsets)
    {
        int[] words = new int[3 + offsets.Length];
        words[0] = 1;
        words[1] = subgraphs.Count;
        words[2] = offsets.Length;
        Array.Copy(offsets, 0, words, 3, offsets.Length);
        AddMetadata("OfflineMemoryAllocation", MemoryMarshal.AsBytes(words.AsSpan()).ToArray());
    }

    internal int OperatorCode(int builtin, string? custom)
    {
        int index = operatorCodes.IndexOf((builtin, custom));
        if (index >= 0) return index;
        operatorCodes.Add((builtin, custom));
        return operatorCodes.Count - 1;
    }

    public byte[] Build()
    {
        if (!ExternalBuffers) return BuildFlatBuffer(null);
        // The FlatBuffer's size does not depend on the offset values (every field is written), so write it once to
        // learn where the data goes, then again with the real offsets, and append the data 16-byte aligned.
        ulong[] offsets = new ulong[buffers.Count];
        Array.Fill(offsets, 2UL);
        int end = BuildFlatBuffer(offsets).Length;
        List<byte> data = new List<byte>();
        for (int b = 0; b < buffers.Count; b++)
        {
            while ((end + data.Count) % 16 != 0) data.Add(0);
            offsets[b] = (ulong)(end + data.Count);
            data.AddRange(buffers[b]);
        }
        byte[] flatBuffer = BuildFlatBuffer(offsets);
        if (flatBuffer.Length != end) throw new InvalidOperationException("FlatBuffer size changed between passes");
        data.InsertRange(0, flatBuffer);
        while (data.Count % 16 != 0) data.Add(0);
        return data.ToArray();
    }

    private FbTable BufferTable(int index, ulong[]? externalOffsets)
    {
        byte[] bytes = buffers[index];
        if (bytes.Length == 0) return new FbTable();
        if (externalOffsets == null) return new FbTable().Child(0, FbScalarVector.OfBytes(bytes, 16));
        // offset (id 1) and size (id 2) at table offsets 4 and 12: 4 mod 8 when the table is 8-aligned, else 0 mod 8.
        int alignment = EightByteValueOffset == 4 ? 4 : 8;
        return new FbTable { MinimumAlignment = 8 }
            .Raw(1, BitConverter.GetBytes(externalOffsets[index]), alignment)
            .Raw(2, BitConverter.GetBytes((ulong)bytes.Length), alignment);
    }

    private byte[] BuildFlatBuffer(ulong[]? externalOffsets)
    {
        FbTable model = new FbTable()
            .Scalar(0, Version)
            .Child(1, new FbTableVector(operatorCodes.Select(code => (FbObject)new FbTable()
                .Scalar(0, (sbyte)Math.Min(code.Builtin, 127))
                .Child(1, code.Custom == null ? null : new FbString(code.Custom))
                .Scalar(2, 1)
                .Scalar(3, code.Builtin)).ToList()))
            .Child(2, new FbTableVector(subgraphs.Select(s => (FbObject)s.ToTable()).ToList()))
            .Child(3, new FbString("built by TfLiteModelBuilder"))
            .Child(4, new FbTableVector(Enumerable.Range(0, buffers.Count).Select(b => (FbObject)BufferTable(b, externalOffsets)).ToList()));
        if (metadata.Count > 0)
        {
            model.Child(6, new FbTableVector(metadata.Select(m => (FbObject)new FbTable()
                .Child(0, new FbString(m.Name)).Scalar(1, (uint)m.Buffer)).ToList()));
        }
        return FlatBufferWriter.Write(model, "TFL3");
    }

    public static byte[] Bytes<T>(params T[] values) where T : unmanaged => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
}

public sealed class SubgraphBuilder
{
    private readonly TfLiteModelBuilder model;
    private readonly string name;
    private readonly List<FbTable> tensors = new List<FbTable>();
    private readonly List<FbTable> operators = new List<FbTable>();
    private int[] inputs = Array.Empty<int>();
    private int[] outputs = Array.Empty<int>();

    internal SubgraphBuilder(TfLiteModelBuilder model, string name)
    {
        this.model = model;
        this.name = name;
    }

    /// <summary>Adds a tensor; returns its index. Constant data makes it a constant tensor.</summary>
    public int AddTensor(TensorType type, int[] shape, byte[]? data = null, float[]? scales = null, long[]? zeroPoints = null,
        int quantizedDimension = 0, bool isVariable = false, string? tensorName = null, FbTable? sparsity = null)
    {
        FbTable tensor = new FbTable()
            .Child(0, FbScalarVector.Of(shape))
            .Scalar(1, (sbyte)type)
            .Scalar(2, (uint)(data == null ? 0 : model.AddBuffer(data)))
            .Child(3, new FbString(tensorName ?? "t" + tensors.Count));
        if (scales != null)
        {
            tensor.Child(4, new FbTable()
                .Child(2, FbScalarVector.Of(scales))
                .Child(3, new FbScalarVector(TfLiteModelBuilder.Bytes(zeroPoints ?? new long[scales.Length]), 8, 8, model.EightByteValueOffset))
                .Scalar(6, quantizedDimension));
        }
        if (isVariable) tensor.Scalar(5, true);
        if (sparsity != null) tensor.Child(6, sparsity);
        tensors.Add(tensor);
        return tensors.Count - 1;
    }

    public SubgraphBuilder SetInputs(params int[] tensorIndices)
    {
        inputs = tensorIndices;
        return this;
    }

    public SubgraphBuilder SetOutputs(params int[] tensorIndices)
    {
        outputs = tensorIndices;
        return this;
    }

    /// <summary>Adds a builtin operator; <paramref name="options"/> is the options table of union type <paramref name="optionsType"/>.</summary>
    public SubgraphBuilder AddOperator(int builtinCode, int[] opInputs, int[] opOutputs, byte optionsType = 0, FbTable? options = null,
        int[]? intermediates = null)
    {
        FbTable op = new FbTable()
            .Scalar(0, (uint)model.OperatorCode(builtinCode, null))
            .Child(1, FbScalarVector.Of(opInputs))
            .Child(2, FbScalarVector.Of(opOutputs));
        if (options != null)
        {
            op.Scalar(3, optionsType);
            op.Child(4, options);
        }
        if (intermediates != null) op.Child(8, FbScalarVector.Of(intermediates));
        operators.Add(op);
        return this;
    }

    public SubgraphBuilder AddCustomOperator(string customName, int[] opInputs, int[] opOutputs, byte[]? customOptions = null)
    {
        FbTable op = new FbTable()
            .Scalar(0, (uint)model.OperatorCode(32, customName))
            .Child(1, FbScalarVector.Of(opInputs))
            .Child(2, FbScalarVector.Of(opOutputs));
        if (customOptions != null)
        {
            op.Child(5, model.EightByteValueOffset == 0 ? FbScalarVector.OfBytes(customOptions) : new FbScalarVector(customOptions, 1, 8, model.EightByteValueOffset));
        }
        operators.Add(op);
        return this;
    }

    internal FbTable ToTable() => new FbTable()
        .Child(0, new FbTableVector(tensors.Cast<FbObject>().ToList()))
        .Child(1, FbScalarVector.Of(inputs))
        .Child(2, FbScalarVector.Of(outputs))
        .Child(3, new FbTableVector(operators.Cast<FbObject>().ToList()))
        .Child(4, new FbString(name));
}

using System;
using System.Runtime.CompilerServices;

namespace TfLiteMicro.Schema;

/// <summary>
/// Checks of meaning, run by <see cref="Model.TryCreate"/> after the structural check (so reading through the
/// accessors here is already safe): schema version, at least one subgraph, every index (operator code, tensor,
/// buffer, subgraph) in range, shapes non-negative, constant data as long as shape × type says, quantization
/// arrays consistent, external data ranges inside the model. Each failure names the object and the value, e.g.
/// "subgraph 0, operator 3: input tensor index 57 out of range (tensors: 40)".
/// </summary>
public static unsafe class ModelVerifier
{
    /// <summary>Metadata key of TFLM's compressed models, whose constant buffers do not hold shape × type bytes.</summary>
    private static ReadOnlySpan<byte> CompressionMetadataName => "COMPRESSION_METADATA"u8;

    /// <summary>Longest tensor name quoted in a message.</summary>
    private const int MaxQuotedName = 64;

    internal static Status Verify(in Model model, ErrorReporter errors)
    {
        if (model.Version != Model.SupportedSchemaVersion)
        {
            return errors.Fail(Status.MalformedModel, "model schema version "u8).Append(model.Version).Append(" is not supported (expected "u8)
                .Append(Model.SupportedSchemaVersion).Append(')');
        }
        int subgraphCount = model.SubgraphCount;
        if (subgraphCount < 1) return errors.Fail(Status.MalformedModel, "model has no subgraphs"u8);

        int bufferCount = model.BufferCount;
        for (int b = 0; b < bufferCount; b++)
        {
            Table buffer = model.Table.GetTableVector(SchemaFieldIds.Model.Buffers)[b];
            ulong offset = buffer.GetScalar<ulong>(SchemaFieldIds.Buffer.Offset, 0);
            ulong size = buffer.GetScalar<ulong>(SchemaFieldIds.Buffer.Size, 0);
            if (!Buffer.IsExternalRangeValid(offset, size, model.Length))
            {
                return errors.Fail(Status.MalformedModel, "buffer "u8).Append(b).Append(": data range (offset "u8).AppendUnsigned(offset)
                    .Append(", size "u8).AppendUnsigned(size).Append(") is outside the model ("u8).Append(model.Length).Append(" bytes)"u8);
            }
        }

        bool compressed = model.TryGetMetadataBuffer(CompressionMetadataName, out _);
        for (int s = 0; s < subgraphCount; s++)
        {
            Status status = VerifySubgraph(in model, s, compressed, errors);
            if (status != Status.Ok) return status;
        }

        for (int m = 0; m < model.MetadataCount; m++)
        {
            int index = model.GetMetadata(m).BufferIndex;
            if (!IsBufferIndexValid(index, bufferCount))
            {
                return errors.Fail(Status.MalformedModel, "metadata "u8).Append(m).Append(" '"u8).AppendName(Quoted(model.GetMetadata(m).Name))
                    .Append("': buffer index "u8).Append((uint)index).Append(" out of range (buffers: "u8).Append(bufferCount).Append(')');
            }
        }
        IntVector metadataBuffers = model.MetadataBufferIndices;
        for (int m = 0; m < metadataBuffers.Count; m++)
        {
            if ((uint)metadataBuffers[m] >= (uint)bufferCount)
            {
                return errors.Fail(Status.MalformedModel, "metadata_buffer "u8).Append(m).Append(": buffer index "u8).Append(metadataBuffers[m])
                    .Append(" out of range (buffers: "u8).Append(bufferCount).Append(')');
            }
        }

        for (int g = 0; g < model.SignatureDefCount; g++)
        {
            Status status = VerifySignature(in model, g, errors);
            if (status != Status.Ok) return status;
        }
        return Status.Ok;
    }

    private static Status VerifySubgraph(in Model model, int s, bool compressed, ErrorReporter errors)
    {
        SubGraph subgraph = model.GetSubgraph(s);
        int tensorCount = subgraph.TensorCount;
        int bufferCount = model.BufferCount;
        for (int t = 0; t < tensorCount; t++)
        {
            Tensor tensor = subgraph.GetTensor(t);
            Status status = VerifyTensor(in model, s, t, tensor, bufferCount, compressed, errors);
            if (status != Status.Ok) return status;
        }

        Status io = VerifyTensorIndices(subgraph.Inputs, tensorCount, errors, allowAbsent: false);
        if (io != Status.Ok) return PrefixSubgraph(errors, s, "input "u8);
        io = VerifyTensorIndices(subgraph.Outputs, tensorCount, errors, allowAbsent: false);
        if (io != Status.Ok) return PrefixSubgraph(errors, s, "output "u8);
        // The application writes the inputs; constant data lives in the model, which must never be written.
        io = VerifyWritable(in model, subgraph, subgraph.Inputs, errors);
        if (io != Status.Ok) return PrefixSubgraph(errors, s, "input "u8);
        // Outputs are read (by the application, or copied by IF/WHILE/CALL_ONCE) as shape x type bytes.
        io = VerifyStoredDense(in model, subgraph, subgraph.Outputs, errors);
        if (io != Status.Ok) return PrefixSubgraph(errors, s, "output "u8);

        int operatorCodeCount = model.OperatorCodeCount;
        for (int o = 0; o < subgraph.OperatorCount; o++)
        {
            Operator op = subgraph.GetOperator(o);
            Status status = VerifyOperator(in model, subgraph, op, operatorCodeCount, tensorCount, errors);
            if (status != Status.Ok)
            {
                errors.Prefix(": "u8);
                FlatBufferVerifier.PrefixNumber(errors, o);
                errors.PrefixText(", operator "u8);
                FlatBufferVerifier.PrefixNumber(errors, s);
                errors.PrefixText("subgraph "u8);
                return status;
            }
        }
        return Status.Ok;
    }

    /// <summary>Completes "subgraph S: input tensor index ..." around a message from <see cref="VerifyTensorIndices"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Status PrefixSubgraph(ErrorReporter errors, int s, ReadOnlySpan<byte> role) => PrefixSubgraphCore(errors, s, ErrorReporter.Text(role));

    private static Status PrefixSubgraphCore(ErrorReporter errors, int s, ReadOnlySpan<byte> role)
    {
        errors.PrefixText(role);
        errors.Prefix(": "u8);
        FlatBufferVerifier.PrefixNumber(errors, s);
        errors.PrefixText("subgraph "u8);
        return Status.MalformedModel;
    }

    /// <summary>
    /// Every index in [0, tensorCount), or -1 (an omitted optional tensor) where <paramref name="allowAbsent"/>: operator
    /// inputs and intermediates may be omitted; operator outputs and subgraph inputs and outputs may not.
    /// </summary>
    private static Status VerifyTensorIndices(IntVector indices, int tensorCount, ErrorReporter errors, bool allowAbsent = true)
    {
        for (int i = 0; i < indices.Count; i++)
        {
            int index = indices[i];
            if (index < (allowAbsent ? -1 : 0) || index >= tensorCount)
            {
                return errors.Fail(Status.MalformedModel, "tensor index "u8).Append(index).Append(" (position "u8).Append(i)
                    .Append(") out of range (tensors: "u8).Append(tensorCount).Append(')');
            }
        }
        return Status.Ok;
    }

    /// <summary>
    /// The tensors are written at run time (subgraph inputs, operator outputs), so none may be a constant: a constant
    /// points into the model, which is read-only (often flash) and shared by every interpreter of it.
    /// </summary>
    private static Status VerifyWritable(in Model model, SubGraph subgraph, IntVector indices, ErrorReporter errors)
    {
        for (int i = 0; i < indices.Count; i++)
        {
            int index = indices[i];
            if (index < 0) continue;
            Tensor tensor = subgraph.GetTensor(index);
            if (model.GetBuffer(tensor.BufferIndex).Length == 0) continue;
            return errors.Fail(Status.MalformedModel, "tensor "u8).Append(index).Append(" '"u8).AppendName(Quoted(tensor.Name))
                .Append("' (position "u8).Append(i).Append(") is written at run time but has constant data (buffer "u8)
                .Append(tensor.BufferIndex).Append(')');
        }
        return Status.Ok;
    }

    /// <summary>
    /// Subgraph outputs are read as shape × type bytes, so none may be a constant stored sparse: its buffer holds only
    /// the stored values (only DENSIFY reads one). LUT-compressed outputs are refused when compression is attached.
    /// </summary>
    private static Status VerifyStoredDense(in Model model, SubGraph subgraph, IntVector indices, ErrorReporter errors)
    {
        for (int i = 0; i < indices.Count; i++)
        {
            int index = indices[i];
            if (index < 0) continue;
            Tensor tensor = subgraph.GetTensor(index);
            if (!tensor.HasSparsity || model.GetBuffer(tensor.BufferIndex).Length == 0) continue;
            return errors.Fail(Status.MalformedModel, "tensor "u8).Append(index).Append(" '"u8).AppendName(Quoted(tensor.Name))
                .Append("' (position "u8).Append(i).Append(") is a constant stored sparse; only DENSIFY reads sparse tensors"u8);
        }
        return Status.Ok;
    }

    private static Status VerifyOperator(in Model model, SubGraph subgraph, Operator op, int operatorCodeCount, int tensorCount, ErrorReporter errors)
    {
        uint opcode = (uint)op.OpcodeIndex;
        if (opcode >= (uint)operatorCodeCount)
        {
            return errors.Fail(Status.MalformedModel, "opcode index "u8).Append(opcode).Append(" out of range (operator codes: "u8)
                .Append(operatorCodeCount).Append(')');
        }
        if (VerifyTensorIndices(op.Inputs, tensorCount, errors) != Status.Ok) { errors.PrefixText("input "u8); return Status.MalformedModel; }
        if (VerifyTensorIndices(op.Outputs, tensorCount, errors, allowAbsent: false) != Status.Ok) { errors.PrefixText("output "u8); return Status.MalformedModel; }
        if (VerifyWritable(in model, subgraph, op.Outputs, errors) != Status.Ok) { errors.PrefixText("output "u8); return Status.MalformedModel; }
        if (VerifyTensorIndices(op.Intermediates, tensorCount, errors) != Status.Ok) { errors.PrefixText("intermediate "u8); return Status.MalformedModel; }

        ulong customOffset = op.LargeCustomOptionsOffset;
        ulong customSize = op.LargeCustomOptionsSize;
        if (!Buffer.IsExternalRangeValid(customOffset, customSize, model.Length))
        {
            return errors.Fail(Status.MalformedModel, "large custom options (offset "u8).AppendUnsigned(customOffset).Append(", size "u8)
                .AppendUnsigned(customSize).Append(") are outside the model ("u8).Append(model.Length).Append(" bytes)"u8);
        }
        Status options = VerifyOptionsType(in model, op, errors);
        if (options != Status.Ok) return options;
        return VerifySubgraphReferences(in model, op, errors);
    }

    /// <summary>
    /// The options table must be the one the operator takes (or absent): kernels read it by field id as their own
    /// options type, so a table of another type would be read as the wrong fields — and past its end, since tables
    /// differ in size. (TFLM quietly uses default options instead; a mismatch only comes from a broken writer.)
    /// </summary>
    private static Status VerifyOptionsType(in Model model, Operator op, ErrorReporter errors)
    {
        BuiltinOptions actual = op.BuiltinOptionsType;
        if (actual == BuiltinOptions.NONE) return Status.Ok;
        BuiltinOperator code = model.GetOperatorCode(op.OpcodeIndex).BuiltinCode;
        if (code == BuiltinOperator.CUSTOM || !OperatorOptions.IsKnownOperator(code)) return Status.Ok;
        BuiltinOptions expected = OperatorOptions.Expected(code);
        if (actual == expected) return Status.Ok;
        ErrorReporter message = errors.Fail(Status.MalformedModel, "builtin_options_type "u8).Append((int)actual)
            .Append(" does not match operator "u8).AppendName(BuiltinOperators.Name(code));
        if (expected == BuiltinOptions.NONE) return message.Append(", which takes no options"u8);
        return message.Append(", which takes options type "u8).Append((int)expected);
    }

    /// <summary>Control-flow options name other subgraphs; those indices must exist.</summary>
    private static Status VerifySubgraphReferences(in Model model, Operator op, ErrorReporter errors)
    {
        int count = model.SubgraphCount;
        switch (op.BuiltinOptionsType)
        {
            case BuiltinOptions.IfOptions:
                var ifOptions = new IfOptions(op.BuiltinOptions);
                if (!CheckSubgraphIndex(ifOptions.ThenSubgraphIndex, count, "then_subgraph_index "u8, errors)) return Status.MalformedModel;
                if (!CheckSubgraphIndex(ifOptions.ElseSubgraphIndex, count, "else_subgraph_index "u8, errors)) return Status.MalformedModel;
                break;
            case BuiltinOptions.WhileOptions:
                var whileOptions = new WhileOptions(op.BuiltinOptions);
                if (!CheckSubgraphIndex(whileOptions.CondSubgraphIndex, count, "cond_subgraph_index "u8, errors)) return Status.MalformedModel;
                if (!CheckSubgraphIndex(whileOptions.BodySubgraphIndex, count, "body_subgraph_index "u8, errors)) return Status.MalformedModel;
                break;
            case BuiltinOptions.CallOnceOptions:
                var callOnce = new CallOnceOptions(op.BuiltinOptions);
                if (!CheckSubgraphIndex(callOnce.InitSubgraphIndex, count, "init_subgraph_index "u8, errors)) return Status.MalformedModel;
                break;
            case BuiltinOptions.CallOptions:
                var call = new CallOptions(op.BuiltinOptions);
                if (!CheckSubgraphIndex((int)call.Subgraph, count, "subgraph "u8, errors)) return Status.MalformedModel;
                break;
        }
        return Status.Ok;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool CheckSubgraphIndex(int index, int count, ReadOnlySpan<byte> field, ErrorReporter errors) => CheckSubgraphIndexCore(index, count, ErrorReporter.Text(field), errors);

    private static bool CheckSubgraphIndexCore(int index, int count, ReadOnlySpan<byte> field, ErrorReporter errors)
    {
        if ((uint)index < (uint)count) return true;
        errors.Fail(Status.MalformedModel, field).Append(index).Append(" out of range (subgraphs: "u8).Append(count).Append(')');
        return false;
    }

    private static Status VerifyTensor(in Model model, int s, int t, Tensor tensor, int bufferCount, bool compressed, ErrorReporter errors)
    {
        TensorType type = tensor.Type;
        if (!IsKnownType(type))
        {
            return FailTensor(errors, s, t, tensor, "unknown type "u8).Append((int)type);
        }
        IntVector shape = tensor.Shape;
        long elements = 1;
        for (int d = 0; d < shape.Count; d++)
        {
            int dimension = shape[d];
            if (dimension < 0)
            {
                return FailTensor(errors, s, t, tensor, "dimension "u8).Append(d).Append(" is "u8).Append(dimension).Append(" (must be >= 0)"u8);
            }
            elements *= dimension;
            if (elements > Dimensions.MaxByteCount) elements = (long)Dimensions.MaxByteCount + 1;
        }
        // Every element and byte count of the model then fits an int, for the planner and every kernel.
        if (Dimensions.CheckedByteCount(type, shape.AsSpan()) < 0)
        {
            ErrorReporter message = FailTensor(errors, s, t, tensor, "shape "u8);
            AppendShape(message, shape);
            return message.Append(" of "u8).Append(TensorTypes.Name(type)).Append(" is larger than "u8).Append(Dimensions.MaxByteCount)
                .Append(" bytes"u8);
        }

        int bufferIndex = tensor.BufferIndex;
        if (!IsBufferIndexValid(bufferIndex, bufferCount))
        {
            return FailTensor(errors, s, t, tensor, "buffer index "u8).Append((uint)bufferIndex).Append(" out of range (buffers: "u8)
                .Append(bufferCount).Append(')');
        }
        Buffer data = model.GetBuffer(bufferIndex);
        if (data.Length > 0 && tensor.IsVariable)
        {
            return FailTensor(errors, s, t, tensor, "is a variable (written at run time) but has constant data (buffer "u8)
                .Append(bufferIndex).Append(')');
        }
        // In a TFLM-compressed model the interpreter checks the tensors the compression metadata does not list
        // (MicroInterpreter.CheckUncompressedConstants), as only it reads that metadata.
        if (data.Length > 0 && !compressed && !tensor.HasSparsity)
        {
            if (!IsStoredDense(type, elements, data.Length))
            {
                long expected = TensorTypes.BytesFor(type, elements);
                ErrorReporter message = FailTensor(errors, s, t, tensor, "constant data is "u8).Append(data.Length).Append(" bytes but shape "u8);
                AppendShape(message, shape);
                return message.Append(" of "u8).Append(TensorTypes.Name(type)).Append(" needs "u8).Append(expected);
            }
        }

        if (tensor.HasQuantization)
        {
            QuantizationParameters quantization = tensor.Quantization;
            int scales = quantization.Scale.Count;
            int zeroPoints = quantization.ZeroPoint.Count;
            if (zeroPoints != 0 && zeroPoints != scales)
            {
                return FailTensor(errors, s, t, tensor, "quantization has "u8).Append(scales).Append(" scales but "u8).Append(zeroPoints).Append(" zero points"u8);
            }
            // quantized_dimension cannot be required to lie within the rank: TFLM's own person_detect.tflite has a
            // rank-1 bias with 8 per-channel scales and quantized_dimension 3, and TFLM runs it (kernels take the
            // channel count from the output). Only a negative value is rejected; users must bounds-check it.
            int axis = quantization.QuantizedDimension;
            if (axis < 0)
            {
                return FailTensor(errors, s, t, tensor, "quantized_dimension "u8).Append(axis).Append(" is negative"u8);
            }
        }
        return Status.Ok;
    }

    private static ErrorReporter AppendShape(ErrorReporter message, IntVector shape)
    {
        message.Append('[');
        for (int d = 0; d < shape.Count; d++)
        {
            if (d > 0) message.Append(", "u8);
            message.Append(shape[d]);
        }
        return message.Append(']');
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ErrorReporter FailTensor(ErrorReporter errors, int s, int t, Tensor tensor, ReadOnlySpan<byte> what) => FailTensorCore(errors, s, t, tensor, ErrorReporter.Text(what));

    private static ErrorReporter FailTensorCore(ErrorReporter errors, int s, int t, Tensor tensor, ReadOnlySpan<byte> what)
    {
        return errors.Fail(Status.MalformedModel, "subgraph "u8).Append(s).Append(", tensor "u8).Append(t).Append(" '"u8)
            .AppendName(Quoted(tensor.Name)).Append("': "u8).Append(what);
    }

    private static Status VerifySignature(in Model model, int g, ErrorReporter errors)
    {
        SignatureDef signature = model.GetSignatureDef(g);
        int subgraph = signature.SubgraphIndex;
        if ((uint)subgraph >= (uint)model.SubgraphCount)
        {
            return errors.Fail(Status.MalformedModel, "signature "u8).Append(g).Append(" '"u8).AppendName(Quoted(signature.SignatureKey))
                .Append("': subgraph index "u8).Append((uint)subgraph).Append(" out of range (subgraphs: "u8).Append(model.SubgraphCount).Append(')');
        }
        int tensorCount = model.GetSubgraph(subgraph).TensorCount;
        for (int i = 0; i < signature.InputCount + signature.OutputCount; i++)
        {
            bool isInput = i < signature.InputCount;
            TensorMap map = isInput ? signature.GetInput(i) : signature.GetOutput(i - signature.InputCount);
            if ((uint)map.TensorIndex >= (uint)tensorCount)
            {
                return errors.Fail(Status.MalformedModel, "signature "u8).Append(g).Append(isInput ? " input '"u8 : " output '"u8)
                    .AppendName(Quoted(map.Name)).Append("': tensor index "u8).Append((uint)map.TensorIndex)
                    .Append(" out of range (subgraph "u8).Append(subgraph).Append(" tensors: "u8).Append(tensorCount).Append(')');
            }
        }
        return Status.Ok;
    }

    /// <summary>Index 0 is the "no data" sentinel and accepted even when a model omits the buffers list.</summary>
    private static bool IsBufferIndexValid(int index, int bufferCount) => index == 0 || (uint)index < (uint)bufferCount;

    private static bool IsKnownType(TensorType type)
    {
        return TensorTypes.ElementSize(type) != 0 || type == TensorType.Int4 || type == TensorType.UInt4 || type == TensorType.Int2;
    }

    /// <summary>
    /// Constant data of <paramref name="length"/> bytes holds <paramref name="elements"/> of <paramref name="type"/>:
    /// shape × element size (sub-byte types packed or one element per byte); types without a fixed size always pass.
    /// </summary>
    internal static bool IsStoredDense(TensorType type, long elements, int length)
    {
        if (!HasFixedElementSize(type)) return true;
        bool subByte = type == TensorType.Int4 || type == TensorType.UInt4 || type == TensorType.Int2;
        return length == TensorTypes.BytesFor(type, elements) || (subByte && length == elements);
    }

    /// <summary>Types whose constant data is exactly elements × size (strings, resources and variants are not).</summary>
    private static bool HasFixedElementSize(TensorType type)
    {
        return type != TensorType.String && type != TensorType.Resource && type != TensorType.Variant;
    }

    private static System.ReadOnlySpan<byte> Quoted(Utf8Span name)
    {
        System.ReadOnlySpan<byte> bytes = name.Bytes;
        return bytes.Length > MaxQuotedName ? bytes.Slice(0, MaxQuotedName) : bytes;
    }
}

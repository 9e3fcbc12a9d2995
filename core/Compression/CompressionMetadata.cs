using System;
using Buffer = TfLiteMicro.Schema.Buffer;
using TfLiteMicro.Schema;

namespace TfLiteMicro.Compression;

/// <summary>
/// The "COMPRESSION_METADATA" model metadata (TFLM's compression/metadata.fbs): a FlatBuffer of its own inside a
/// model buffer, listing per subgraph the LUT-compressed tensors. Verified before any field is read, like the model.
/// <code>
/// table Metadata  { schema_version:uint = 1; subgraphs:[Subgraph]; }
/// table Subgraph  { lut_tensors:[LutTensor]; }
/// table LutTensor { tensor:int; value_buffer:uint; index_bitwidth:uint8; }
/// </code>
/// </summary>
internal readonly unsafe struct CompressionMetadata
{
    public static ReadOnlySpan<byte> MetadataName => "COMPRESSION_METADATA"u8;

    /// <summary>Newest schema version understood; older ones are accepted, as TFLM's comment asks.</summary>
    public const uint SupportedSchemaVersion = 1;

    private static class Ids
    {
        public const int SchemaVersion = 0;
        public const int Subgraphs = 1;
        public const int LutTensors = 0;
        public const int Tensor = 0;
        public const int ValueBuffer = 1;
        public const int IndexBitWidth = 2;
    }

    private readonly Table root;

    private CompressionMetadata(Table root)
    {
        this.root = root;
    }

    public uint SchemaVersion => root.GetScalar<uint>(Ids.SchemaVersion, 1);

    public int SubgraphCount => root.GetTableVector(Ids.Subgraphs).Count;

    public int LutTensorCount(int subgraph) => root.GetTableVector(Ids.Subgraphs)[subgraph].GetTableVector(Ids.LutTensors).Count;

    public void GetLutTensor(int subgraph, int i, out int tensor, out uint valueBuffer, out int bitWidth)
    {
        Table entry = root.GetTableVector(Ids.Subgraphs)[subgraph].GetTableVector(Ids.LutTensors)[i];
        tensor = entry.GetScalar<int>(Ids.Tensor, 0);
        valueBuffer = entry.GetScalar<uint>(Ids.ValueBuffer, 0);
        bitWidth = entry.GetScalar<byte>(Ids.IndexBitWidth, 0);
    }

    /// <summary>Verifies <paramref name="buffer"/> as the metadata FlatBuffer and opens it.</summary>
    public static Status Open(Buffer buffer, ErrorReporter errors, out CompressionMetadata metadata)
    {
        metadata = default;
        if (buffer.Length < 8)
        {
            return errors.Fail(Status.MalformedModel, "COMPRESSION_METADATA is "u8).Append(buffer.Length)
                .Append(" bytes, too short for a FlatBuffer"u8);
        }
        var verifier = new FlatBufferVerifier(buffer.Data, buffer.Length, errors);
        if (!verifier.Dereference(0, out uint rootPosition) || !VerifyRoot(ref verifier, rootPosition))
        {
            errors.PrefixText("COMPRESSION_METADATA is malformed: "u8);
            return Status.MalformedModel;
        }
        metadata = new CompressionMetadata(new Table(buffer.Data + rootPosition));
        if (metadata.SchemaVersion > SupportedSchemaVersion)
        {
            return errors.Fail(Status.MalformedModel, "COMPRESSION_METADATA schema version "u8).Append(metadata.SchemaVersion)
                .Append(" is newer than the supported version "u8).Append(SupportedSchemaVersion);
        }
        return Status.Ok;
    }

    private static bool VerifyRoot(ref FlatBufferVerifier verifier, uint position)
    {
        if (!verifier.EnterTable(position, out TableFrame frame)) return false;
        if (!verifier.ScalarField(in frame, Ids.SchemaVersion, 4)) return verifier.InField(ErrorReporter.Text("schema_version"u8));
        if (!verifier.OffsetVectorField(in frame, Ids.Subgraphs, out uint subgraphs, out int count)) return verifier.InField(ErrorReporter.Text("subgraphs"u8));
        for (int s = 0; s < count; s++)
        {
            if (!VerifySubgraph(ref verifier, verifier.DereferenceElement(subgraphs, s))) return verifier.InElement(ErrorReporter.Text("subgraphs"u8), s);
        }
        verifier.LeaveTable();
        return true;
    }

    private static bool VerifySubgraph(ref FlatBufferVerifier verifier, uint position)
    {
        if (!verifier.EnterTable(position, out TableFrame frame)) return false;
        if (!verifier.OffsetVectorField(in frame, Ids.LutTensors, out uint tensors, out int count)) return verifier.InField(ErrorReporter.Text("lut_tensors"u8));
        for (int i = 0; i < count; i++)
        {
            if (!VerifyLutTensor(ref verifier, verifier.DereferenceElement(tensors, i))) return verifier.InElement(ErrorReporter.Text("lut_tensors"u8), i);
        }
        verifier.LeaveTable();
        return true;
    }

    private static bool VerifyLutTensor(ref FlatBufferVerifier verifier, uint position)
    {
        if (!verifier.EnterTable(position, out TableFrame frame)) return false;
        if (!verifier.ScalarField(in frame, Ids.Tensor, 4)) return verifier.InField(ErrorReporter.Text("tensor"u8));
        if (!verifier.ScalarField(in frame, Ids.ValueBuffer, 4)) return verifier.InField(ErrorReporter.Text("value_buffer"u8));
        if (!verifier.ScalarField(in frame, Ids.IndexBitWidth, 1)) return verifier.InField(ErrorReporter.Text("index_bitwidth"u8));
        verifier.LeaveTable();
        return true;
    }
}

using System;

namespace TfLiteMicro.Schema;

/// <summary>
/// A TFLite model read in place from its FlatBuffer bytes: nothing is copied or unpacked; every accessor reads
/// the bytes where they are. Create it with <see cref="TryCreate"/>, which verifies the whole buffer first, so
/// every accessor afterwards stays inside the bytes. The bytes must stay alive and unchanged while the model
/// (or anything read from it) is used.
/// </summary>
public readonly unsafe partial struct Model
{
    /// <summary>The schema version this reader understands (TFLite's <c>TFLITE_SCHEMA_VERSION</c>).</summary>
    public const uint SupportedSchemaVersion = 3;

    private readonly Table root;

    private Model(byte* data, int length, Table root)
    {
        Data = data;
        Length = length;
        this.root = root;
    }

    /// <summary>
    /// Verifies <paramref name="length"/> bytes at <paramref name="data"/> (structure, then meaning; see
    /// <see cref="ModelVerifier"/>) and on success wraps them. On failure returns <see cref="Status.MalformedModel"/>
    /// (or <see cref="Status.InvalidArgument"/> for a null or misaligned pointer) and writes a message naming the
    /// bad object and value into <paramref name="errors"/>. Never throws and never reads outside the bytes.
    /// The data must be 4-byte aligned (16 is recommended, as for TFLM).
    /// </summary>
    public static Status TryCreate(byte* data, int length, ErrorReporter errors, out Model model)
    {
        model = default;
        if (data == null)
        {
            return errors.Fail(Status.InvalidArgument, "model data is null"u8);
        }
        if (((nuint)data & 3) != 0)
        {
            return errors.Fail(Status.InvalidArgument, "model data must be at least 4-byte aligned (16 recommended)"u8);
        }
        if (length < 8)
        {
            return errors.Fail(Status.MalformedModel, "model is "u8).Append(length).Append(" bytes, too short for a TFLite FlatBuffer"u8);
        }
        Status identifier = CheckFileIdentifier(data, errors);
        if (identifier != Status.Ok) return identifier;

        var verifier = new FlatBufferVerifier(data, length, errors);
        if (!verifier.Dereference(0, out uint rootPosition) || !TableWalker.VerifyTable(ref verifier, rootPosition, SchemaTables.RootTable))
        {
            errors.PrefixText("model"u8);
            return Status.MalformedModel;
        }
        var candidate = new Model(data, length, new Table(data + rootPosition));
        Status semantic = ModelVerifier.Verify(in candidate, errors);
        if (semantic != Status.Ok) return semantic;
        model = candidate;
        return Status.Ok;
    }

    /// <summary>
    /// The identifier (bytes 4..7) is optional in FlatBuffers and TFLM never checks it; TFLite requires "TFL3".
    /// Accepted: "TFL3", or bytes that are clearly not an identifier (a model written without one has vtable or
    /// padding bytes there). Rejected: four printable characters other than "TFL3" (another file type or version).
    /// </summary>
    private static Status CheckFileIdentifier(byte* data, ErrorReporter errors)
    {
        byte* id = data + 4;
        if (id[0] == (byte)'T' && id[1] == (byte)'F' && id[2] == (byte)'L' && id[3] == (byte)'3') return Status.Ok;
        for (int i = 0; i < 4; i++)
        {
            if (id[i] < 0x20 || id[i] > 0x7e) return Status.Ok;
        }
        return errors.Fail(Status.MalformedModel, "file identifier is '"u8).AppendName(new System.ReadOnlySpan<byte>(id, 4))
            .Append("', expected 'TFL3' (not a TFLite model)"u8);
    }

    /// <summary>Start of the model bytes.</summary>
    public byte* Data { get; }

    public int Length { get; }

    public bool IsValid => Data != null;

    /// <summary>Schema version (verified to be 3).</summary>
    public uint Version => root.GetScalar<uint>(SchemaFieldIds.Model.Version, 0);

    public int OperatorCodeCount => root.GetTableVector(SchemaFieldIds.Model.OperatorCodes).Count;

    public OperatorCode GetOperatorCode(int index) => new OperatorCode(root.GetTableVector(SchemaFieldIds.Model.OperatorCodes)[index]);

    /// <summary>Number of subgraphs (verified &gt;= 1; subgraph 0 is the main graph).</summary>
    public int SubgraphCount => root.GetTableVector(SchemaFieldIds.Model.Subgraphs).Count;

    public SubGraph GetSubgraph(int index) => new SubGraph(root.GetTableVector(SchemaFieldIds.Model.Subgraphs)[index], Data, Length);

    public int BufferCount => root.GetTableVector(SchemaFieldIds.Model.Buffers).Count;

    /// <summary>Buffer <paramref name="index"/>; empty when out of range.</summary>
    public Buffer GetBuffer(int index) => Buffer.FromTable(root.GetTableVector(SchemaFieldIds.Model.Buffers)[index], Data, Length);

    /// <summary>The constant data of <paramref name="tensor"/> (empty when it is not a constant).</summary>
    public Buffer GetTensorData(Tensor tensor) => GetBuffer(tensor.BufferIndex);

    public Utf8Span Description => root.GetString(SchemaFieldIds.Model.Description);

    public int MetadataCount => root.GetTableVector(SchemaFieldIds.Model.Metadata).Count;

    public Metadata GetMetadata(int index) => new Metadata(root.GetTableVector(SchemaFieldIds.Model.Metadata)[index]);

    /// <summary>The buffer of the first metadata entry named exactly <paramref name="name"/> (ASCII), e.g. "OfflineMemoryAllocation".</summary>
    public bool TryGetMetadataBuffer(ReadOnlySpan<byte> name, out Buffer buffer)
    {
        TableVector entries = root.GetTableVector(SchemaFieldIds.Model.Metadata);
        for (int i = 0; i < entries.Count; i++)
        {
            var metadata = new Metadata(entries[i]);
            if (metadata.Name.EqualsUtf8(name))
            {
                buffer = GetBuffer(metadata.BufferIndex);
                return true;
            }
        }
        buffer = default;
        return false;
    }

    /// <summary>The deprecated <c>metadata_buffer</c> list of buffer indices (verified in range).</summary>
    public IntVector MetadataBufferIndices => root.GetIntVector(SchemaFieldIds.Model.MetadataBuffer);

    public int SignatureDefCount => root.GetTableVector(SchemaFieldIds.Model.SignatureDefs).Count;

    public SignatureDef GetSignatureDef(int index) => new SignatureDef(root.GetTableVector(SchemaFieldIds.Model.SignatureDefs)[index]);

    /// <summary>The root table, for fields not exposed above.</summary>
    public Table Table => root;
}

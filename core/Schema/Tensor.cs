namespace TfLiteMicro.Schema;

/// <summary>One tensor of a subgraph (schema table <c>Tensor</c>), read in place.</summary>
public readonly unsafe struct Tensor
{
    private readonly Table table;

    internal Tensor(Table table)
    {
        this.table = table;
    }

    public bool IsPresent => table.IsPresent;

    /// <summary>Dimensions (verified: every one &gt;= 0). Empty for a scalar.</summary>
    public IntVector Shape => table.GetIntVector(SchemaFieldIds.Tensor.Shape);

    /// <summary>Element type (verified to be a type the schema defines).</summary>
    public TensorType Type => (TensorType)table.GetScalar<byte>(SchemaFieldIds.Tensor.Type, 0);

    /// <summary>Index into the model's buffers; 0 (the empty sentinel) for non-constant tensors.</summary>
    public int BufferIndex => (int)table.GetScalar<uint>(SchemaFieldIds.Tensor.Buffer, 0);

    public Utf8Span Name => table.GetString(SchemaFieldIds.Tensor.Name);

    public bool HasQuantization => table.GetTable(SchemaFieldIds.Tensor.Quantization).IsPresent;

    public QuantizationParameters Quantization => new QuantizationParameters(table.GetTable(SchemaFieldIds.Tensor.Quantization));

    public bool IsVariable => table.GetScalar<byte>(SchemaFieldIds.Tensor.IsVariable, 0) != 0;

    /// <summary>Shape with -1 for unknown dimensions (optional).</summary>
    public IntVector ShapeSignature => table.GetIntVector(SchemaFieldIds.Tensor.ShapeSignature);

    public bool HasSparsity => table.GetTable(SchemaFieldIds.Tensor.Sparsity).IsPresent;

    /// <summary>How the constant data is stored sparse (TFLite's format, read by DENSIFY; TFLM has no sparse tensors).</summary>
    public SparsityParameters Sparsity => new SparsityParameters(table.GetTable(SchemaFieldIds.Tensor.Sparsity));

    /// <summary>Distinguishes a scalar (rank 0, true) from an unknown rank (false) when the shape is empty.</summary>
    public bool HasRank => table.GetScalar<byte>(SchemaFieldIds.Tensor.HasRank, 0) != 0;

    /// <summary>Index into the model's external buffers (0: data is in <see cref="BufferIndex"/>).</summary>
    public uint ExternalBuffer => table.GetScalar<uint>(SchemaFieldIds.Tensor.ExternalBuffer, 0);

    /// <summary>The underlying table, for fields not exposed above.</summary>
    public Table Table => table;
}

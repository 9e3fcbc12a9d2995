namespace TfLiteMicro.Schema;

/// <summary>
/// Affine quantization of a tensor (schema table <c>QuantizationParameters</c>): real = scale × (q − zero_point),
/// per tensor (one scale) or per channel along <see cref="QuantizedDimension"/>.
/// </summary>
public readonly unsafe struct QuantizationParameters
{
    private readonly Table table;

    internal QuantizationParameters(Table table)
    {
        this.table = table;
    }

    public bool IsPresent => table.IsPresent;

    public FloatVector Min => table.GetFloatVector(SchemaFieldIds.QuantizationParameters.Min);

    public FloatVector Max => table.GetFloatVector(SchemaFieldIds.QuantizationParameters.Max);

    public FloatVector Scale => table.GetFloatVector(SchemaFieldIds.QuantizationParameters.Scale);

    /// <summary>Zero points as stored (int64). Verified: empty or as many as <see cref="Scale"/>.</summary>
    public LongVector ZeroPoint => table.GetLongVector(SchemaFieldIds.QuantizationParameters.ZeroPoint);

    public int QuantizedDimension => table.GetScalar<int>(SchemaFieldIds.QuantizationParameters.QuantizedDimension, 0);

    public QuantizationDetails DetailsType =>
        (QuantizationDetails)table.GetScalar<byte>(SchemaFieldIds.QuantizationParameters.DetailsType, 0);

    /// <summary>The details table (verified as the table <see cref="DetailsType"/> names); absent when NONE.</summary>
    public Table Details => DetailsType == QuantizationDetails.NONE ? default : table.GetTable(SchemaFieldIds.QuantizationParameters.Details);
}

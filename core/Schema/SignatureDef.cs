namespace TfLiteMicro.Schema;

/// <summary>A named entry point of the model (schema table <c>SignatureDef</c>).</summary>
public readonly unsafe struct SignatureDef
{
    private readonly Table table;

    internal SignatureDef(Table table)
    {
        this.table = table;
    }

    public int InputCount => table.GetTableVector(SchemaFieldIds.SignatureDef.Inputs).Count;

    public TensorMap GetInput(int index) => new TensorMap(table.GetTableVector(SchemaFieldIds.SignatureDef.Inputs)[index]);

    public int OutputCount => table.GetTableVector(SchemaFieldIds.SignatureDef.Outputs).Count;

    public TensorMap GetOutput(int index) => new TensorMap(table.GetTableVector(SchemaFieldIds.SignatureDef.Outputs)[index]);

    public Utf8Span SignatureKey => table.GetString(SchemaFieldIds.SignatureDef.SignatureKey);

    /// <summary>The subgraph this signature runs (verified to be in range).</summary>
    public int SubgraphIndex => (int)table.GetScalar<uint>(SchemaFieldIds.SignatureDef.SubgraphIndex, 0);
}

namespace TfLiteMicro.Schema;

/// <summary>A signature's name for one tensor of its subgraph (schema table <c>TensorMap</c>).</summary>
public readonly unsafe struct TensorMap
{
    private readonly Table table;

    internal TensorMap(Table table)
    {
        this.table = table;
    }

    public Utf8Span Name => table.GetString(SchemaFieldIds.TensorMap.Name);

    /// <summary>Index into the tensors of the signature's subgraph (verified to be in range).</summary>
    public int TensorIndex => (int)table.GetScalar<uint>(SchemaFieldIds.TensorMap.TensorIndex, 0);
}

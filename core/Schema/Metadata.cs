namespace TfLiteMicro.Schema;

/// <summary>A named metadata entry (schema table <c>Metadata</c>), pointing at a model buffer.</summary>
public readonly unsafe struct Metadata
{
    private readonly Table table;

    internal Metadata(Table table)
    {
        this.table = table;
    }

    public Utf8Span Name => table.GetString(SchemaFieldIds.Metadata.Name);

    /// <summary>Index into the model's buffers (verified to be in range).</summary>
    public int BufferIndex => (int)table.GetScalar<uint>(SchemaFieldIds.Metadata.Buffer, 0);
}

namespace TfLiteMicro.Tools.FlatBuffers;

/// <summary>What a table field holds, as far as copying it is concerned.</summary>
public enum FieldKind
{
    Scalar,
    String,
    Table,
    /// <summary>A union: its type tag (ubyte) at <see cref="SchemaField.Id"/>, the table at Id + 1.</summary>
    Union,
    ScalarVector,
    StringVector,
    TableVector,
}

/// <summary>
/// One field of a schema table (generated into <see cref="TfLiteSchemaLayout"/>): vtable slot, kind, byte size of
/// the scalar or vector element, the table or union it refers to, and the force_align of a vector's elements.
/// </summary>
public sealed record SchemaField(int Id, string Name, FieldKind Kind, int Size, string? Target, int ForceAlign);

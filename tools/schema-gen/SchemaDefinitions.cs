using System.Collections.Generic;

namespace TfLiteMicro.SchemaGen;

/// <summary>One value of a schema enum, with its numeric value resolved (implicit values count up from the last).</summary>
internal sealed record EnumValue(string Name, long Value, bool Deprecated);

/// <summary>A schema <c>enum</c>: name, underlying schema scalar type ("byte", "int", "uint", ...) and values.</summary>
internal sealed record EnumDefinition(string Name, string UnderlyingType, List<EnumValue> Values);

/// <summary>A union member; its type tag is its 1-based position (0 is NONE).</summary>
internal sealed record UnionMember(string TableName, int Tag, bool Deprecated);

internal sealed record UnionDefinition(string Name, List<UnionMember> Members);

/// <summary>
/// A table field. <see cref="Id"/> is the vtable slot: declaration order, deprecated fields included, and a union
/// field takes two ids (its type tag at <c>Id</c>, the value at <c>Id + 1</c>). <see cref="ForceAlign"/> is the
/// <c>force_align</c> attribute of a vector (0 when absent): where its elements must start.
/// </summary>
internal sealed record FieldDefinition(string Name, string TypeName, bool IsVector, string? DefaultText, bool Deprecated, int Id,
    int ForceAlign = 0);

internal sealed record TableDefinition(string Name, List<FieldDefinition> Fields, bool Deprecated);

/// <summary>Everything the generator needs from a schema file.</summary>
internal sealed class SchemaDefinition
{
    public List<EnumDefinition> Enums { get; } = new();
    public List<UnionDefinition> Unions { get; } = new();
    public List<TableDefinition> Tables { get; } = new();
    public string? RootType { get; set; }
    public string? FileIdentifier { get; set; }

    public EnumDefinition? FindEnum(string name) => Enums.Find(e => e.Name == name);
    public UnionDefinition? FindUnion(string name) => Unions.Find(u => u.Name == name);
    public TableDefinition? FindTable(string name) => Tables.Find(t => t.Name == name);
}

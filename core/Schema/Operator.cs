using System;

namespace TfLiteMicro.Schema;

/// <summary>One operator (node) of a subgraph (schema table <c>Operator</c>), read in place.</summary>
public readonly unsafe struct Operator
{
    private readonly Table table;
    private readonly byte* modelData;
    private readonly int modelLength;

    internal Operator(Table table, byte* modelData, int modelLength)
    {
        this.table = table;
        this.modelData = modelData;
        this.modelLength = modelLength;
    }

    public bool IsPresent => table.IsPresent;

    /// <summary>Index into the model's operator codes (verified to be in range).</summary>
    public int OpcodeIndex => (int)table.GetScalar<uint>(SchemaFieldIds.Operator.OpcodeIndex, 0);

    /// <summary>Input tensor indices; -1 marks an omitted optional input. Verified in [-1, tensor count).</summary>
    public IntVector Inputs => table.GetIntVector(SchemaFieldIds.Operator.Inputs);

    public IntVector Outputs => table.GetIntVector(SchemaFieldIds.Operator.Outputs);

    public IntVector Intermediates => table.GetIntVector(SchemaFieldIds.Operator.Intermediates);

    public BuiltinOptions BuiltinOptionsType =>
        (BuiltinOptions)table.GetScalar<byte>(SchemaFieldIds.Operator.BuiltinOptionsType, 0);

    /// <summary>
    /// The options table, verified as the table <see cref="BuiltinOptionsType"/> names; wrap it in that struct
    /// (e.g. <c>new FullyConnectedOptions(op.BuiltinOptions)</c>). Absent when the type is NONE or the table is
    /// omitted (then every option has its schema default).
    /// </summary>
    public Table BuiltinOptions => BuiltinOptionsType == Schema.BuiltinOptions.NONE ? default : table.GetTable(SchemaFieldIds.Operator.BuiltinOptions);

    public BuiltinOptions2 BuiltinOptions2Type =>
        (BuiltinOptions2)table.GetScalar<byte>(SchemaFieldIds.Operator.BuiltinOptions2Type, 0);

    /// <summary>The second options union (StableHLO and newer ops), like <see cref="BuiltinOptions"/>.</summary>
    public Table BuiltinOptions2 => BuiltinOptions2Type == Schema.BuiltinOptions2.NONE ? default : table.GetTable(SchemaFieldIds.Operator.BuiltinOptions2);

    /// <summary>Custom operator options (FlexBuffer bytes), empty when absent.</summary>
    public ReadOnlySpan<byte> CustomOptions => new ReadOnlySpan<byte>(CustomOptionsPointer, CustomOptionsLength);

    /// <summary>
    /// Start of the custom options: the inline vector, or for models larger than 2 GB the range
    /// <c>large_custom_options_offset/size</c> from the model start (used when the offset is &gt; 1).
    /// </summary>
    public byte* CustomOptionsPointer
    {
        get
        {
            ByteVector inline = table.GetByteVector(SchemaFieldIds.Operator.CustomOptions);
            if (inline.Count > 0) return inline.Items;
            ulong offset = LargeCustomOptionsOffset;
            ulong size = LargeCustomOptionsSize;
            if (offset <= 1 || size == 0 || !Buffer.IsExternalRangeValid(offset, size, modelLength)) return null;
            return modelData + offset;
        }
    }

    public int CustomOptionsLength
    {
        get
        {
            ByteVector inline = table.GetByteVector(SchemaFieldIds.Operator.CustomOptions);
            if (inline.Count > 0) return inline.Count;
            ulong offset = LargeCustomOptionsOffset;
            ulong size = LargeCustomOptionsSize;
            if (offset <= 1 || !Buffer.IsExternalRangeValid(offset, size, modelLength)) return 0;
            return (int)size;
        }
    }

    public CustomOptionsFormat CustomOptionsFormat =>
        (CustomOptionsFormat)table.GetScalar<sbyte>(SchemaFieldIds.Operator.CustomOptionsFormat, 0);

    /// <summary>One flag per input: true when the operator mutates that (variable) input. Often empty.</summary>
    public ByteVector MutatingVariableInputs => table.GetByteVector(SchemaFieldIds.Operator.MutatingVariableInputs);

    public ulong LargeCustomOptionsOffset => table.GetScalar<ulong>(SchemaFieldIds.Operator.LargeCustomOptionsOffset, 0);

    public ulong LargeCustomOptionsSize => table.GetScalar<ulong>(SchemaFieldIds.Operator.LargeCustomOptionsSize, 0);

    public int DebugMetadataIndex => table.GetScalar<int>(SchemaFieldIds.Operator.DebugMetadataIndex, -1);

    /// <summary>The underlying table, for fields not exposed above.</summary>
    public Table Table => table;
}

namespace TfLiteMicro.Schema;

/// <summary>Which operator an <see cref="Operator"/> runs (schema table <c>OperatorCode</c>).</summary>
public readonly unsafe struct OperatorCode
{
    private readonly Table table;

    internal OperatorCode(Table table)
    {
        this.table = table;
    }

    /// <summary>
    /// The builtin operator: the larger of <c>deprecated_builtin_code</c> (int8, used by old models) and
    /// <c>builtin_code</c>, as TFLite's <c>GetBuiltinCode</c> does.
    /// </summary>
    public BuiltinOperator BuiltinCode
    {
        get
        {
            int deprecated = DeprecatedBuiltinCode;
            int extended = table.GetScalar<int>(SchemaFieldIds.OperatorCode.BuiltinCode, 0);
            return (BuiltinOperator)(deprecated > extended ? deprecated : extended);
        }
    }

    public int DeprecatedBuiltinCode => table.GetScalar<sbyte>(SchemaFieldIds.OperatorCode.DeprecatedBuiltinCode, 0);

    /// <summary>Name of a custom operator (empty for builtins).</summary>
    public Utf8Span CustomCode => table.GetString(SchemaFieldIds.OperatorCode.CustomCode);

    public int Version => table.GetScalar<int>(SchemaFieldIds.OperatorCode.Version, 1);
}

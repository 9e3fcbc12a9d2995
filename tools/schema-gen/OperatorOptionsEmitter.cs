using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace TfLiteMicro.SchemaGen;

/// <summary>
/// Writes core/Schema/Generated/OperatorOptions.cs: for each builtin operator, the <c>BuiltinOptions</c> table it takes
/// (NONE when it takes none), as one byte per operator code. The schema does not state this pairing; it follows the
/// names (CONV_2D takes Conv2DOptions) except for the operators listed in <see cref="Exceptions"/>, taken from TFLite's
/// tensorflow/lite/core/api/flatbuffer_conversions.cc (which options table each ParseXxx reads).
/// </summary>
internal static class OperatorOptionsEmitter
{
    /// <summary>Operators whose options table is not named after them (or that take none although a table has their name).</summary>
    private static readonly Dictionary<string, string> Exceptions = new(StringComparer.Ordinal)
    {
        ["AVERAGE_POOL_2D"] = "Pool2DOptions",
        ["MAX_POOL_2D"] = "Pool2DOptions",
        ["L2_POOL_2D"] = "Pool2DOptions",
        ["L2_NORMALIZATION"] = "L2NormOptions",
        ["UNIDIRECTIONAL_SEQUENCE_RNN"] = "SequenceRNNOptions",
        ["MEAN"] = "ReducerOptions",
        ["SUM"] = "ReducerOptions",
        ["REDUCE_PROD"] = "ReducerOptions",
        ["REDUCE_MAX"] = "ReducerOptions",
        ["REDUCE_MIN"] = "ReducerOptions",
        ["REDUCE_ANY"] = "ReducerOptions",
        ["REDUCE_ALL"] = "ReducerOptions",
        ["MAXIMUM"] = "MaximumMinimumOptions",
        ["MINIMUM"] = "MaximumMinimumOptions",
        ["CONV_3D_TRANSPOSE"] = "Conv3DOptions",
        ["RANDOM_STANDARD_NORMAL"] = "RandomOptions",
        ["RANDOM_UNIFORM"] = "RandomOptions",
        ["MULTINOMIAL"] = "RandomOptions",
    };

    public static string Emit(SchemaDefinition schema, string header)
    {
        EnumDefinition ops = schema.FindEnum("BuiltinOperator") ?? throw new FormatException("schema has no enum BuiltinOperator");
        UnionDefinition options = schema.FindUnion("BuiltinOptions") ?? throw new FormatException("schema has no union BuiltinOptions");
        var tags = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (UnionMember member in options.Members) tags[member.TableName] = member.Tag;

        long maxCode = 0;
        foreach (EnumValue value in ops.Values) maxCode = Math.Max(maxCode, value.Value);
        var table = new int[maxCode + 1];
        foreach (EnumValue value in ops.Values)
        {
            if (value.Value < 0) continue;
            string? name = Exceptions.TryGetValue(value.Name, out string? listed) ? listed : NamedAfter(value.Name);
            if (name != null && tags.TryGetValue(name, out int tag)) table[value.Value] = tag;
            else if (listed != null) throw new FormatException("BuiltinOptions has no member " + listed + " (for " + value.Name + ")");
        }

        var text = new StringBuilder(header);
        text.Append("\nnamespace TfLiteMicro.Schema;\n\n");
        text.Append("/// <summary>\n");
        text.Append("/// The <see cref=\"BuiltinOptions\"/> table each builtin operator takes (NONE: it takes none), so a model whose options\n");
        text.Append("/// are of another type is refused instead of being read as the wrong table. From the operator names and TFLite's\n");
        text.Append("/// flatbuffer_conversions.cc (see tools/schema-gen/OperatorOptionsEmitter.cs).\n");
        text.Append("/// </summary>\n");
        text.Append("public static class OperatorOptions\n{\n");
        text.Append("    /// <summary>The options type <paramref name=\"op\"/> takes; NONE for an operator without options or an unknown code.</summary>\n");
        text.Append("    public static BuiltinOptions Expected(BuiltinOperator op)\n    {\n");
        text.Append("        System.ReadOnlySpan<byte> table = Table;\n");
        text.Append("        return (uint)op < (uint)table.Length ? (BuiltinOptions)table[(int)op] : BuiltinOptions.NONE;\n    }\n\n");
        text.Append("    /// <summary>True for an operator code the schema defines (the table covers exactly those).</summary>\n");
        text.Append("    public static bool IsKnownOperator(BuiltinOperator op) => BuiltinOperators.IsDefined(op);\n\n");
        text.Append("    // One byte per operator code: the BuiltinOptions tag.\n");
        text.Append("    private static System.ReadOnlySpan<byte> Table => new byte[]\n    {\n");
        for (int i = 0; i < table.Length; i += 16)
        {
            text.Append("        ");
            for (int j = i; j < Math.Min(i + 16, table.Length); j++)
            {
                text.Append(table[j].ToString(CultureInfo.InvariantCulture)).Append(", ");
            }
            text.Length--;
            text.Append('\n');
        }
        text.Append("    };\n}\n");
        return text.ToString();
    }

    /// <summary>"DEPTHWISE_CONV_2D" → "DepthwiseConv2DOptions" (compared without case).</summary>
    private static string NamedAfter(string op)
    {
        var name = new StringBuilder();
        foreach (string part in op.Split('_')) name.Append(part);
        return name.Append("Options").ToString();
    }
}

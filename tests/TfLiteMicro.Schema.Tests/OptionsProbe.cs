using System;
using System.Collections.Concurrent;
using System.Reflection;

namespace TfLiteMicro.Schema.Tests;

/// <summary>
/// Reads every property of an operator's options struct (found by the union tag's name), including every
/// element of its vectors and every byte of its strings, so fuzzing exercises all generated accessors.
/// Reflection is fine here: this is test code.
/// </summary>
internal static unsafe class OptionsProbe
{
    private static readonly ConcurrentDictionary<string, Type?> Types = new();

    public static long ReadAll(Operator op)
    {
        long sum = 0;
        if (op.BuiltinOptionsType != BuiltinOptions.NONE) sum += ReadStruct(op.BuiltinOptionsType.ToString(), op.BuiltinOptions);
        if (op.BuiltinOptions2Type != BuiltinOptions2.NONE) sum += ReadStruct(op.BuiltinOptions2Type.ToString(), op.BuiltinOptions2);
        return sum;
    }

    public static long ReadStruct(string typeName, Table table)
    {
        Type? type = Types.GetOrAdd(typeName, name => typeof(Model).Assembly.GetType("TfLiteMicro.Schema." + name));
        if (type == null) throw new InvalidOperationException("no options struct for " + typeName);
        object options = Activator.CreateInstance(type, table)!;
        long sum = 0;
        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            object? value = property.GetValue(options);
            sum += Consume(value);
        }
        return sum;
    }

    private static long Consume(object? value)
    {
        switch (value)
        {
            case null: return 0;
            case bool b: return b ? 1 : 0;
            case float f: return float.IsFinite(f) ? (long)Math.Clamp(f, -1e6f, 1e6f) : 1;
            case Utf8Span text:
                long sum = 0;
                for (int i = 0; i < text.Length; i++) sum += text.Pointer[i];
                return sum + (text.Length > 0 ? text.Pointer[text.Length] : 0); // the NUL terminator is readable too
            case IntVector v: { long s = 0; for (int i = 0; i < v.Count; i++) s += v.Items[i]; return s; }
            case UIntVector v: { long s = 0; for (int i = 0; i < v.Count; i++) s += v.Items[i]; return s; }
            case LongVector v: { long s = 0; for (int i = 0; i < v.Count; i++) s += v.Items[i]; return s; }
            case FloatVector v: { long s = 0; for (int i = 0; i < v.Count; i++) s += float.IsFinite(v.Items[i]) ? 1 : 2; return s; }
            case ByteVector v: { long s = 0; for (int i = 0; i < v.Count; i++) s += v.Items[i]; return s; }
            case Table: return 0;
            case Enum e: return Convert.ToInt64(e);
            case ulong u: return unchecked((long)u);
            default: return Convert.ToInt64(value);
        }
    }
}

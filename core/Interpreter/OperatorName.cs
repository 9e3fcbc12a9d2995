using System;
using TfLiteMicro.Schema;

namespace TfLiteMicro;

/// <summary>
/// The name of a registered operator without a string: the builtin code, or the UTF-8 name of a custom operator.
/// Small enough to store per profiling event and never allocates (op names are UTF-8 data in flash on a device).
/// </summary>
public readonly partial struct OperatorName
{
    private readonly byte[]? customName;

    internal OperatorName(BuiltinOperator code, byte[]? customName)
    {
        Code = code;
        this.customName = customName;
    }

    /// <summary>The builtin operator (<see cref="BuiltinOperator.CUSTOM"/> for a custom one).</summary>
    public BuiltinOperator Code { get; }

    /// <summary>"FULLY_CONNECTED", or the custom operator's name; UTF-8.</summary>
    public ReadOnlySpan<byte> Utf8 => customName != null ? customName : BuiltinOperators.Name(Code);

    /// <summary>True when the name equals <paramref name="utf8"/>.</summary>
    public bool Is(ReadOnlySpan<byte> utf8)
    {
        ReadOnlySpan<byte> name = Utf8;
        if (name.Length != utf8.Length) return false;
        for (int i = 0; i < name.Length; i++)
        {
            if (name[i] != utf8[i]) return false;
        }
        return true;
    }
}

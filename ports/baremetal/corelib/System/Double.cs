namespace System;

/// <summary>
/// The <c>double</c> primitive exists only because the compiler requires it. It deliberately has no members
/// and no API anywhere in this library takes or returns a double: a Cortex-M4F has no double-precision FPU and
/// the ARM32 code generator emits instructions that fault there. The IL check in
/// tests/TfLiteMicro.BareMetal.BuildCheck rejects any remaining double arithmetic (literals, conversions,
/// locals, fields, signatures).
/// </summary>
public readonly struct Double
{
}

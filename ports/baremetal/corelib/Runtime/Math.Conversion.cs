namespace System;

/// <summary>
/// The checked floating-point-to-integer conversions ilc 9 routes to (CORINFO_HELP_DBL2INT_OVF etc.). ilc looks
/// them up by name whenever the ARM32 code generator asks for the helper, even if no device code converts a
/// double. Device code has no double arithmetic (the Cortex-M4F cannot execute it), so reaching one of these is a
/// bug: they stop the program. They take no parameter on purpose (the caller's double argument is ignored), which
/// keeps float64 out of the core library's signatures.
/// </summary>
public static partial class Math
{
    internal static int ConvertToInt32Checked() => Unsupported<int>();

    internal static uint ConvertToUInt32Checked() => Unsupported<uint>();

    internal static long ConvertToInt64Checked() => Unsupported<long>();

    internal static ulong ConvertToUInt64Checked() => Unsupported<ulong>();

    private static T Unsupported<T>()
        where T : struct
    {
        RuntimeFailure.Stop("Checked conversion from a floating-point value is not supported on the device."u8);
        return default;
    }
}

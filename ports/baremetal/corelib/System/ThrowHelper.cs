using System.Diagnostics.CodeAnalysis;

namespace System;

/// <summary>
/// Where the library's argument and bounds checks end. There is no exception unwinding on the device, so each
/// failure stops the program through <see cref="Environment.FailFast(string)"/> with a short, fixed message.
/// Kept out of line so the checked methods stay small and inlinable.
/// </summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    internal static void IndexOutOfRange() => Environment.FailFast("Index was outside the bounds of the array.");

    [DoesNotReturn]
    internal static void ArgumentOutOfRange() => Environment.FailFast("Specified argument was out of the range of valid values.");

    [DoesNotReturn]
    internal static void DestinationTooShort() => Environment.FailFast("Destination is too short.");

    [DoesNotReturn]
    internal static void NoValue() => Environment.FailFast("Nullable object must have a value.");

    [DoesNotReturn]
    internal static void Overflow() => Environment.FailFast("Arithmetic operation resulted in an overflow.");

    [DoesNotReturn]
    internal static void ContainsReferences() => Environment.FailFast("The type contains object references.");
}

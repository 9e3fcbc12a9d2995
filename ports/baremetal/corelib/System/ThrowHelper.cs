using System.Diagnostics.CodeAnalysis;

namespace System;

/// <summary>
/// Where the library's argument and bounds checks end. There is no exception unwinding on the device, so each
/// failure stops the program through <see cref="RuntimeFailure.Stop"/> with a short, fixed message.
/// Kept out of line so the checked methods stay small and inlinable. Each body ends in an endless loop rather than a
/// return: the code generator then sees that a call never returns and moves it to a shared cold block.
/// </summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    internal static void IndexOutOfRange()
    {
        RuntimeFailure.Stop("Index was outside the bounds of the array."u8);
        while (true)
        {
        }
    }

    [DoesNotReturn]
    internal static void ArgumentOutOfRange()
    {
        RuntimeFailure.Stop("Specified argument was out of the range of valid values."u8);
        while (true)
        {
        }
    }

    [DoesNotReturn]
    internal static void DestinationTooShort()
    {
        RuntimeFailure.Stop("Destination is too short."u8);
        while (true)
        {
        }
    }

    [DoesNotReturn]
    internal static void NoValue()
    {
        RuntimeFailure.Stop("Nullable object must have a value."u8);
        while (true)
        {
        }
    }

    [DoesNotReturn]
    internal static void Overflow()
    {
        RuntimeFailure.Stop("Arithmetic operation resulted in an overflow."u8);
        while (true)
        {
        }
    }

    [DoesNotReturn]
    internal static void ContainsReferences()
    {
        RuntimeFailure.Stop("The type contains object references."u8);
        while (true)
        {
        }
    }
}

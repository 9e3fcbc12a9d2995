using System;

namespace Internal.Runtime.CompilerHelpers;

/// <summary>
/// Where ilc-generated code goes on a failed implicit check (array bounds, null, division by zero, checked
/// overflow). Without unwinding each one stops the program; the names are ilc's contract.
/// </summary>
internal static class ThrowHelpers
{
    private static void ThrowIndexOutOfRangeException() => Environment.FailFast("Index was outside the bounds of the array.");

    private static void ThrowDivideByZeroException() => Environment.FailFast("Attempted to divide by zero.");

    private static void ThrowOverflowException() => Environment.FailFast("Arithmetic operation resulted in an overflow.");

    private static void ThrowNullReferenceException() => Environment.FailFast("Object reference not set to an instance of an object.");

    private static void ThrowPlatformNotSupportedException() => Environment.FailFast("Operation is not supported on this platform.");

    private static void ThrowInvalidProgramException() => Environment.FailFast("Invalid program.");

    // ilc replaces the body of a method it cannot compile with a call to this, passing the method's name.
    private static void ThrowInvalidProgramExceptionWithArgument(int reason, string? methodName) =>
        Environment.FailFast(methodName ?? "Invalid program.");

    private static void ThrowArrayTypeMismatchException() => Environment.FailFast("Array type mismatch.");

    private static void ThrowTypeLoadException() => Environment.FailFast("Type load failure.");

    private static void ThrowFeatureBodyRemoved() => Environment.FailFast("Code removed by the compiler was called.");

    private static void ThrowArgumentOutOfRangeException() => Environment.FailFast("Specified argument was out of the range of valid values.");

    private static void ThrowArgumentException() => Environment.FailFast("Value does not fall within the expected range.");

    private static void ThrowNotImplementedException() => Environment.FailFast("The method or operation is not implemented.");
}

using System;

namespace Internal.Runtime.CompilerHelpers;

/// <summary>
/// Where ilc-generated code goes on a failed implicit check (array bounds, null, division by zero, checked
/// overflow). Without unwinding each one stops the program; the names are ilc's contract.
/// </summary>
internal static class ThrowHelpers
{
    private static void ThrowIndexOutOfRangeException() => RuntimeFailure.Stop("Index was outside the bounds of the array."u8);

    private static void ThrowDivideByZeroException() => RuntimeFailure.Stop("Attempted to divide by zero."u8);

    private static void ThrowOverflowException() => RuntimeFailure.Stop("Arithmetic operation resulted in an overflow."u8);

    private static void ThrowNullReferenceException() => RuntimeFailure.Stop("Object reference not set to an instance of an object."u8);

    private static void ThrowPlatformNotSupportedException() => RuntimeFailure.Stop("Operation is not supported on this platform."u8);

    private static void ThrowInvalidProgramException() => RuntimeFailure.Stop("Invalid program."u8);

    // ilc replaces the body of a method it cannot compile with a call to this, passing the method's name.
    private static void ThrowInvalidProgramExceptionWithArgument(int reason, string? methodName)
    {
        if (methodName is null) RuntimeFailure.Stop("Invalid program."u8);
        else Environment.FailFast(methodName);
    }

    private static void ThrowArrayTypeMismatchException() => RuntimeFailure.Stop("Array type mismatch."u8);

    private static void ThrowTypeLoadException() => RuntimeFailure.Stop("Type load failure."u8);

    private static void ThrowFeatureBodyRemoved() => RuntimeFailure.Stop("Code removed by the compiler was called."u8);

    private static void ThrowArgumentOutOfRangeException() => RuntimeFailure.Stop("Specified argument was out of the range of valid values."u8);

    private static void ThrowArgumentException() => RuntimeFailure.Stop("Value does not fall within the expected range."u8);

    private static void ThrowNotImplementedException() => RuntimeFailure.Stop("The method or operation is not implemented."u8);
}

using System.Diagnostics.CodeAnalysis;

namespace System.Runtime.CompilerServices;

/// <summary>
/// Low-level reference and pointer operations with the BCL's signatures. The methods have no C# bodies: they
/// are [Intrinsic], and both the JIT and ilc (Internal.IL.Stubs.UnsafeIntrinsics) supply their IL, exactly as
/// for the real System.Private.CoreLib.
/// </summary>
public static unsafe class Unsafe
{
    [Intrinsic] public static extern void* AsPointer<T>(ref T value);

    [Intrinsic] public static extern int SizeOf<T>();

    [Intrinsic] public static extern T As<T>(object? o) where T : class?;

    [Intrinsic] public static extern ref TTo As<TFrom, TTo>(ref TFrom source);

    [Intrinsic] public static extern ref T AsRef<T>(void* source);

    [Intrinsic] public static extern ref T AsRef<T>(scoped ref readonly T source);

    [Intrinsic] public static extern ref T Add<T>(ref T source, int elementOffset);

    [Intrinsic] public static extern ref T Add<T>(ref T source, nint elementOffset);

    [Intrinsic] public static extern ref T Add<T>(ref T source, nuint elementOffset);

    [Intrinsic] public static extern void* Add<T>(void* source, int elementOffset);

    [Intrinsic] public static extern ref T AddByteOffset<T>(ref T source, nint byteOffset);

    [Intrinsic] public static extern ref T AddByteOffset<T>(ref T source, nuint byteOffset);

    [Intrinsic] public static extern ref T Subtract<T>(ref T source, int elementOffset);

    [Intrinsic] public static extern ref T Subtract<T>(ref T source, nint elementOffset);

    [Intrinsic] public static extern ref T Subtract<T>(ref T source, nuint elementOffset);

    [Intrinsic] public static extern void* Subtract<T>(void* source, int elementOffset);

    [Intrinsic] public static extern ref T SubtractByteOffset<T>(ref T source, nint byteOffset);

    [Intrinsic] public static extern ref T SubtractByteOffset<T>(ref T source, nuint byteOffset);

    [Intrinsic] public static extern nint ByteOffset<T>([AllowNull] ref readonly T origin, [AllowNull] ref readonly T target);

    [Intrinsic] public static extern bool AreSame<T>([AllowNull] ref readonly T left, [AllowNull] ref readonly T right);

    [Intrinsic] public static extern bool IsAddressGreaterThan<T>([AllowNull] ref readonly T left, [AllowNull] ref readonly T right);

    [Intrinsic] public static extern bool IsAddressLessThan<T>([AllowNull] ref readonly T left, [AllowNull] ref readonly T right);

    [Intrinsic] public static extern bool IsNullRef<T>(ref readonly T source);

    [Intrinsic] public static extern ref T NullRef<T>();

    [Intrinsic] public static extern T Read<T>(void* source);

    [Intrinsic] public static extern void Write<T>(void* destination, T value);

    [Intrinsic] public static extern T ReadUnaligned<T>(void* source);

    [Intrinsic] public static extern T ReadUnaligned<T>(scoped ref readonly byte source);

    [Intrinsic] public static extern void WriteUnaligned<T>(void* destination, T value);

    [Intrinsic] public static extern void WriteUnaligned<T>(ref byte destination, T value);

    [Intrinsic] public static extern void Copy<T>(void* destination, ref readonly T source);

    [Intrinsic] public static extern void Copy<T>(ref T destination, void* source);

    [Intrinsic] public static extern void CopyBlock(void* destination, void* source, uint byteCount);

    [Intrinsic] public static extern void CopyBlock(ref byte destination, ref readonly byte source, uint byteCount);

    [Intrinsic] public static extern void CopyBlockUnaligned(void* destination, void* source, uint byteCount);

    [Intrinsic] public static extern void CopyBlockUnaligned(ref byte destination, ref readonly byte source, uint byteCount);

    [Intrinsic] public static extern void InitBlock(void* startAddress, byte value, uint byteCount);

    [Intrinsic] public static extern void InitBlock(ref byte startAddress, byte value, uint byteCount);

    [Intrinsic] public static extern void InitBlockUnaligned(void* startAddress, byte value, uint byteCount);

    [Intrinsic] public static extern void InitBlockUnaligned(ref byte startAddress, byte value, uint byteCount);

    [Intrinsic] public static extern void SkipInit<T>(out T value);
}

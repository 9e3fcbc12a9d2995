using System;
using System.Runtime.CompilerServices;

namespace TfLiteMicro.Schema;

/// <summary>
/// A FlatBuffers [long (int64)] vector in place. Absent vector: Count 0 and null pointers. The indexer returns 0 for an
/// index out of range (it never reads outside the vector).
/// <para>
/// The elements are only guaranteed 4-byte aligned: FlatBuffers requires alignment of the length word alone, and real
/// models (e.g. int64 zero points written by some converters) put the elements at 4 mod 8. Read them with the indexer
/// or <see cref="CopyTo"/>, which use unaligned loads; never dereference <see cref="Items"/> as <c>long*</c> on a
/// target that faults on misaligned 8-byte loads.
/// </para>
/// </summary>
public readonly unsafe struct LongVector
{
    private readonly byte* lengthWord;

    internal LongVector(byte* lengthWord)
    {
        this.lengthWord = lengthWord;
    }

    public bool IsPresent => lengthWord != null;

    public int Count => lengthWord == null ? 0 : *(int*)lengthWord;

    public long this[int index] => (uint)index < (uint)Count ? Unsafe.ReadUnaligned<long>(lengthWord + 4 + 8 * index) : default;

    /// <summary>First element (4-byte aligned at least, see above), or null when the vector is absent.</summary>
    public long* Items => lengthWord == null ? null : (long*)(lengthWord + 4);

    /// <summary>
    /// The elements as a span. Loads through it are plain 8-byte loads: fine at 4-byte alignment on x86, x64, Arm64 and
    /// ARMv7-M (LDRD needs only word alignment), which is every target here; the indexer is the portable read.
    /// </summary>
    public ReadOnlySpan<long> AsSpan() => new ReadOnlySpan<long>(Items, Count);

    /// <summary>Copies the elements to <paramref name="destination"/> (which must hold <see cref="Count"/>).</summary>
    public void CopyTo(Span<long> destination)
    {
        int count = Count;
        for (int i = 0; i < count; i++) destination[i] = Unsafe.ReadUnaligned<long>(lengthWord + 4 + 8 * i);
    }
}

using System;

namespace TfLiteMicro.Schema;

/// <summary>
/// Primitive checks of the FlatBuffers binary format, used by the generated <see cref="TableVerifiers"/>. Every
/// read it makes is bounds-checked first, so it is safe on arbitrary bytes; it never throws.
/// <para>
/// Work is bounded: tables may be shared (a DAG), so a crafted file could make a naive walk visit the same
/// subtree millions of times. Each table, vector, string and vector element counts against a budget that a real
/// model (every object referenced once) cannot reach, and nesting depth is limited.
/// </para>
/// </summary>
internal unsafe struct FlatBufferVerifier
{
    /// <summary>Deepest table nesting accepted (the TFLite schema itself nests about 6 deep).</summary>
    public const int MaxDepth = 64;

    /// <summary>Most tables visited, as in the FlatBuffers reference verifier.</summary>
    public const int MaxTables = 1000000;

    /// <summary>Returned for an element whose offset failed to verify; every check fails fast on it.</summary>
    public const uint InvalidPosition = uint.MaxValue;

    private readonly byte* data;
    private readonly uint length;
    private readonly ErrorReporter errors;
    private readonly long workBudget;
    private long work;
    private int depth;
    private int tables;
    private bool pathStarted;

    public FlatBufferVerifier(byte* data, int length, ErrorReporter errors)
    {
        this.data = data;
        this.length = (uint)length;
        this.errors = errors;
        // Real models reference every object once, so total work stays near the byte length; 16x plus a constant
        // leaves room for shared strings and vtables while still bounding a maliciously shared graph.
        workBudget = 16L * length + 1000000L;
        work = 0;
        depth = 0;
        tables = 0;
        pathStarted = false;
    }

    /// <summary>Work done so far (tables, vectors, strings and vector elements), for tests.</summary>
    public long Work => work;

    // ------------------------------------------------------------------ tables

    /// <summary>Checks the table header at <paramref name="position"/> (soffset, vtable, inline size).</summary>
    public bool EnterTable(uint position, out TableFrame frame)
    {
        frame = default;
        if (position == InvalidPosition) return false;
        if (++depth > MaxDepth)
        {
            errors.Fail(Status.MalformedModel, "tables nested more than "u8).Append(MaxDepth).Append(" deep"u8);
            return false;
        }
        if (++tables > MaxTables)
        {
            errors.Fail(Status.MalformedModel, "more than "u8).Append(MaxTables).Append(" tables (shared sub-tables?)"u8);
            return false;
        }
        if (!Charge(1)) return false;
        if ((position & 3) != 0)
        {
            errors.Fail(Status.MalformedModel, "table at offset "u8).Append(position).Append(" is not 4-byte aligned"u8);
            return false;
        }
        if (position > length - 4)
        {
            errors.Fail(Status.MalformedModel, "table at offset "u8).Append(position).Append(" is outside the buffer (length "u8).Append(length).Append(')');
            return false;
        }
        int soffset = *(int*)(data + position);
        long vtable = (long)position - soffset;
        if (vtable < 0 || vtable > length - 4)
        {
            errors.Fail(Status.MalformedModel, "table at offset "u8).Append(position).Append(": vtable offset "u8).Append(soffset)
                .Append(" points outside the buffer (length "u8).Append(length).Append(')');
            return false;
        }
        if ((vtable & 1) != 0)
        {
            errors.Fail(Status.MalformedModel, "table at offset "u8).Append(position).Append(": vtable at "u8).Append(vtable).Append(" is not 2-byte aligned"u8);
            return false;
        }
        ushort vtableSize = *(ushort*)(data + vtable);
        ushort inlineSize = *(ushort*)(data + vtable + 2);
        if (vtableSize < 4 || (vtableSize & 1) != 0)
        {
            errors.Fail(Status.MalformedModel, "table at offset "u8).Append(position).Append(": vtable at "u8).Append(vtable)
                .Append(" has invalid size "u8).Append((int)vtableSize);
            return false;
        }
        if (vtable + vtableSize > length)
        {
            errors.Fail(Status.MalformedModel, "table at offset "u8).Append(position).Append(": vtable at "u8).Append(vtable).Append(" ("u8)
                .Append((int)vtableSize).Append(" bytes) extends past the buffer end (length "u8).Append(length).Append(')');
            return false;
        }
        if (inlineSize < 4 || (long)position + inlineSize > length)
        {
            errors.Fail(Status.MalformedModel, "table at offset "u8).Append(position).Append(": inline size "u8).Append((int)inlineSize)
                .Append(" is invalid or extends past the buffer end (length "u8).Append(length).Append(')');
            return false;
        }
        frame = new TableFrame(position, (uint)vtable, vtableSize, inlineSize);
        return true;
    }

    public void LeaveTable() => depth--;

    /// <summary>The field's offset inside the table, or 0 when the field is absent.</summary>
    public ushort FieldOffset(in TableFrame frame, int id)
    {
        int slot = 4 + 2 * id;
        if (slot + 2 > frame.VtableSize) return 0;
        return *(ushort*)(data + frame.VtablePosition + slot);
    }

    /// <summary>
    /// A scalar (or offset) field of <paramref name="size"/> bytes lies inside the table and is aligned to its size,
    /// except that 8-byte fields need only 4 bytes (TFLM reads them unchecked; <see cref="Table.GetScalar{T}"/> reads
    /// them with an unaligned load).
    /// </summary>
    public bool ScalarField(in TableFrame frame, int id, int size)
    {
        ushort offset = FieldOffset(in frame, id);
        if (offset == 0) return true;
        if (offset + size > frame.InlineSize)
        {
            errors.Fail(Status.MalformedModel, "field id "u8).Append(id).Append(" at table offset "u8).Append((int)offset).Append(" ("u8)
                .Append(size).Append(" bytes) extends past the table's inline size "u8).Append((int)frame.InlineSize);
            return false;
        }
        uint at = frame.Position + offset;
        int alignment = size > 4 ? 4 : size;
        if ((at & (uint)(alignment - 1)) != 0)
        {
            errors.Fail(Status.MalformedModel, "field id "u8).Append(id).Append(" at buffer offset "u8).Append(at).Append(" is not "u8)
                .Append(alignment).Append("-byte aligned"u8);
            return false;
        }
        return true;
    }

    /// <summary>The byte value of a field already checked with <see cref="ScalarField"/> (0 when absent).</summary>
    public byte ReadByte(in TableFrame frame, int id)
    {
        ushort offset = FieldOffset(in frame, id);
        return offset == 0 ? (byte)0 : data[frame.Position + offset];
    }

    /// <summary>An offset field: checks it and returns its target (0 when the field is absent).</summary>
    public bool TableField(in TableFrame frame, int id, out uint target)
    {
        target = 0;
        if (!ScalarField(in frame, id, 4)) return false;
        ushort offset = FieldOffset(in frame, id);
        if (offset == 0) return true;
        return Dereference(frame.Position + offset, out target);
    }

    /// <summary>Follows the uoffset stored at <paramref name="at"/> (which must be inside the buffer).</summary>
    public bool Dereference(uint at, out uint target)
    {
        target = InvalidPosition;
        uint relative = *(uint*)(data + at);
        if (relative == 0 || relative > int.MaxValue)
        {
            errors.Fail(Status.MalformedModel, "offset at "u8).Append(at).Append(" has invalid value "u8).Append(relative);
            return false;
        }
        ulong absolute = (ulong)at + relative;
        if (absolute >= length)
        {
            errors.Fail(Status.MalformedModel, "offset at "u8).Append(at).Append(" points to "u8).AppendUnsigned(absolute)
                .Append(", outside the buffer (length "u8).Append(length).Append(')');
            return false;
        }
        target = (uint)absolute;
        return true;
    }

    /// <summary>Target of element <paramref name="index"/> of a verified offset vector, or <see cref="InvalidPosition"/>.</summary>
    public uint DereferenceElement(uint vector, int index)
    {
        return Dereference(vector + 4 + 4 * (uint)index, out uint target) ? target : InvalidPosition;
    }

    // ------------------------------------------------------------------ vectors and strings

    /// <summary>A vector at <paramref name="position"/>: length word aligned and inside, elements inside the buffer.</summary>
    public bool VectorAt(uint position, int elementSize, out int count)
    {
        count = 0;
        if (position == InvalidPosition) return false;
        if ((position & 3) != 0)
        {
            errors.Fail(Status.MalformedModel, "vector at offset "u8).Append(position).Append(" is not 4-byte aligned"u8);
            return false;
        }
        if (position > length - 4)
        {
            errors.Fail(Status.MalformedModel, "vector at offset "u8).Append(position).Append(" is outside the buffer (length "u8).Append(length).Append(')');
            return false;
        }
        uint elements = *(uint*)(data + position);
        ulong bytes = (ulong)elements * (uint)elementSize;
        if (bytes > length - position - 4)
        {
            errors.Fail(Status.MalformedModel, "vector at offset "u8).Append(position).Append(" with "u8).Append(elements).Append(" elements of "u8)
                .Append(elementSize).Append(" bytes extends past the buffer end (length "u8).Append(length).Append(')');
            return false;
        }
        // Only the length word must be aligned (as in FlatBuffers' verifier): 8-byte elements may sit at 4 mod 8 (some
        // writers put int64 zero points there and TFLM runs such models), so their readers use unaligned loads.
        if (!Charge(1 + (long)elements)) return false;
        count = (int)elements;
        return true;
    }

    /// <summary>A vector field of scalars (or enums) of <paramref name="elementSize"/> bytes.</summary>
    public bool ScalarVectorField(in TableFrame frame, int id, int elementSize)
    {
        if (!TableField(in frame, id, out uint target)) return false;
        return target == 0 || VectorAt(target, elementSize, out _);
    }

    /// <summary>A vector field of offsets (tables or strings); returns its position and count (0, 0 when absent).</summary>
    public bool OffsetVectorField(in TableFrame frame, int id, out uint vector, out int count)
    {
        count = 0;
        if (!TableField(in frame, id, out vector)) return false;
        return vector == 0 || VectorAt(vector, 4, out count);
    }

    /// <summary>A string: byte vector inside the buffer followed by a NUL terminator.</summary>
    public bool StringAt(uint position)
    {
        if (!VectorAt(position, 1, out int count)) return false;
        ulong terminator = (ulong)position + 4 + (uint)count;
        if (terminator >= length || data[terminator] != 0)
        {
            errors.Fail(Status.MalformedModel, "string at offset "u8).Append(position).Append(" ("u8).Append(count).Append(" bytes) is not NUL-terminated"u8);
            return false;
        }
        return true;
    }

    public bool StringField(in TableFrame frame, int id)
    {
        if (!TableField(in frame, id, out uint target)) return false;
        return target == 0 || StringAt(target);
    }

    public bool UnknownUnionType(ReadOnlySpan<byte> unionName, byte type)
    {
        errors.Fail(Status.MalformedModel, "unknown "u8).Append(unionName).Append(" type "u8).Append((int)type);
        return false;
    }

    // ------------------------------------------------------------------ error path

    /// <summary>Puts ".name" in front of the message (the path is built innermost first); returns false.</summary>
    public bool InField(ReadOnlySpan<byte> name)
    {
        StartPath();
        errors.Prefix(name);
        errors.Prefix("."u8);
        return false;
    }

    /// <summary>Puts ".name[index]" in front of the message; returns false.</summary>
    public bool InElement(ReadOnlySpan<byte> name, int index)
    {
        StartPath();
        errors.Prefix("]"u8);
        PrefixNumber(errors, index);
        errors.Prefix("["u8);
        errors.Prefix(name);
        errors.Prefix("."u8);
        return false;
    }

    private void StartPath()
    {
        if (pathStarted) return;
        pathStarted = true;
        errors.Prefix(": "u8);
    }

    private bool Charge(long amount)
    {
        work += amount;
        if (work <= workBudget) return true;
        errors.Fail(Status.MalformedModel, "model too complex to verify: more than "u8).Append(workBudget)
            .Append(" objects and elements visited (shared sub-objects?)"u8);
        return false;
    }

    /// <summary>Prefixes a non-negative number without allocating.</summary>
    internal static void PrefixNumber(ErrorReporter errors, int value)
    {
        byte* digits = stackalloc byte[12];
        int count = 0;
        uint remaining = value < 0 ? 0u : (uint)value;
        do
        {
            digits[11 - count] = (byte)('0' + (int)(remaining % 10));
            remaining /= 10;
            count++;
        }
        while (remaining != 0);
        errors.Prefix(new System.ReadOnlySpan<byte>(digits + 12 - count, count));
    }
}

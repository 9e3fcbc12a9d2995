using System;
using System.Runtime.CompilerServices;
using TfLiteMicro.Memory;
using TfLiteMicro.Schema;

namespace TfLiteMicro;

/// <summary>
/// The resource variables of one interpreter (TFLM's MicroResourceVariables): a fixed budget of variables whose
/// table lives in the arena's tail. VAR_HANDLE (Prepare) finds or creates an id for its (container, shared_name)
/// pair; the first ASSIGN_VARIABLE to prepare for an id allocates the variable's buffer in the tail, sized by the
/// value it assigns; READ_VARIABLE and ASSIGN_VARIABLE copy at Invoke. <see cref="ResetAll"/> (the interpreter's
/// Reset) refills every buffer with its default value.
/// </summary>
public sealed unsafe class ResourceVariables
{
    private readonly ResourceVariable* variables;
    private readonly ErrorReporter errors;
    private int count;

    private ResourceVariables(ResourceVariable* variables, int capacity, ErrorReporter errors)
    {
        this.variables = variables;
        this.errors = errors;
        Capacity = capacity;
    }

    /// <summary>Arena bytes the table of <paramref name="capacity"/> variables takes (buffers not included).</summary>
    public static int TableBytes(int capacity) => capacity * sizeof(ResourceVariable);

    /// <summary>
    /// A budget of <paramref name="capacity"/> variables over <paramref name="table"/>, which must hold
    /// <see cref="TableBytes"/> bytes and live as long as the variables (an arena's tail). Null for a negative
    /// capacity or a missing table.
    /// </summary>
    public static ResourceVariables? Create(void* table, int capacity, ErrorReporter errors)
    {
        if (capacity < 0 || (table == null && capacity > 0)) return null;
        ResourceVariable* entries = (ResourceVariable*)table;
        for (int i = 0; i < capacity; i++) entries[i] = default;
        return new ResourceVariables(entries, capacity, errors);
    }

    /// <summary>Allocates the table in <paramref name="allocator"/>'s tail; null when the arena is full.</summary>
    internal static ResourceVariables? CreateInTail(MicroAllocator allocator, int capacity, ErrorReporter errors)
    {
        int bytes = TableBytes(capacity);
        byte* table = allocator.AllocatePersistent(bytes, sizeof(void*), AllocationCategory.ResourceVariables);
        if (table == null && bytes > 0) return null;
        return Create(table, capacity, errors);
    }

    /// <summary>Most variables this budget holds.</summary>
    public int Capacity { get; }

    /// <summary>Variables created so far (ids 0 .. Count-1).</summary>
    public int Count => count;

    /// <summary>Bytes of the buffer of variable <paramref name="id"/>; 0 before its first ASSIGN_VARIABLE prepared.</summary>
    public int BytesOf(int id) => (uint)id < (uint)count ? variables[id].Bytes : 0;

    /// <summary>The buffer of variable <paramref name="id"/>; null before it is allocated.</summary>
    public byte* BufferOf(int id) => (uint)id < (uint)count ? variables[id].Buffer : null;

    /// <summary>
    /// The id of the variable named (<paramref name="container"/>, <paramref name="sharedName"/>), or -1. As in
    /// TFLM, a handle without a container matches a variable of that shared name in any container.
    /// </summary>
    public int FindId(Utf8Span container, Utf8Span sharedName)
    {
        for (int i = 0; i < count; i++)
        {
            ResourceVariable* variable = &variables[i];
            if (container.Pointer != null && !SameBytes(container.Pointer, container.Length, variable->Container, variable->ContainerLength)) continue;
            if (SameBytes(sharedName.Pointer, sharedName.Length, variable->SharedName, variable->SharedNameLength)) return i;
        }
        return -1;
    }

    /// <summary>
    /// The id of the named variable, creating it when it does not exist yet. -1 (with a message) when the budget
    /// is used up. The names must stay valid as long as the variables (they point into the model).
    /// </summary>
    public int CreateIdIfNoneFound(Utf8Span container, Utf8Span sharedName)
    {
        int id = FindId(container, sharedName);
        if (id >= 0) return id;
        if (count >= Capacity)
        {
            errors.Fail(Status.CapacityExceeded, "the resource variable budget of "u8).Append(Capacity)
                .Append(" variables is used up (InterpreterOptions.ResourceVariableCapacity)"u8);
            return -1;
        }
        id = count++;
        ResourceVariable* variable = &variables[id];
        *variable = default;
        variable->Container = container.Pointer;
        variable->ContainerLength = container.Length;
        variable->SharedName = sharedName.Pointer;
        variable->SharedNameLength = sharedName.Length;
        return id;
    }

    /// <summary>
    /// Gives variable <paramref name="id"/> its buffer on first use: <paramref name="value"/>'s size, filled with
    /// its int8 zero point when it is quantized (TFLM casts whatever zero point to a byte) and 0 otherwise. Later
    /// calls for the same id do nothing. Prepare only (the buffer is a persistent allocation).
    /// </summary>
    public Status Allocate(int id, KernelContext context, TensorInfo value)
    {
        if ((uint)id >= (uint)count)
            return errors.Fail(Status.InvalidArgument, "resource variable "u8).Append(id).Append(" does not exist"u8);
        ResourceVariable* variable = &variables[id];
        if (variable->Buffer != null) return Status.Ok;
        int bytes = value.ByteCount;
        byte* buffer = (byte*)context.AllocatePersistentBuffer(bytes);
        if (buffer == null) return errors.LastStatus == Status.Ok ? errors.Fail(Status.ArenaTooSmall, "no memory for a resource variable buffer"u8) : errors.LastStatus;
        variable->Buffer = buffer;
        variable->Bytes = bytes;
        variable->DefaultValue = value.Quantization.HasQuantization ? (byte)(sbyte)value.Quantization.ZeroPoint : (byte)0;
        new Span<byte>(buffer, bytes).Fill(variable->DefaultValue);
        return Status.Ok;
    }

    /// <summary>Copies variable <paramref name="id"/> into <paramref name="destination"/> (its size in bytes).</summary>
    public Status Read(int id, void* destination, int destinationBytes)
    {
        Status status = CheckAccess(id, destinationBytes, "read"u8);
        if (status != Status.Ok) return status;
        ResourceVariable* variable = &variables[id];
        new ReadOnlySpan<byte>(variable->Buffer, variable->Bytes).CopyTo(new Span<byte>(destination, destinationBytes));
        return Status.Ok;
    }

    /// <summary>Copies <paramref name="sourceBytes"/> bytes from <paramref name="source"/> into variable <paramref name="id"/>.</summary>
    public Status Assign(int id, void* source, int sourceBytes)
    {
        Status status = CheckAccess(id, sourceBytes, "assign"u8);
        if (status != Status.Ok) return status;
        ResourceVariable* variable = &variables[id];
        new ReadOnlySpan<byte>(source, sourceBytes).CopyTo(new Span<byte>(variable->Buffer, variable->Bytes));
        return Status.Ok;
    }

    /// <summary>Refills every allocated buffer with its default value (the interpreter's Reset).</summary>
    public void ResetAll()
    {
        for (int i = 0; i < count; i++)
        {
            ResourceVariable* variable = &variables[i];
            if (variable->Buffer != null) new Span<byte>(variable->Buffer, variable->Bytes).Fill(variable->DefaultValue);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Status CheckAccess(int id, int bytes, ReadOnlySpan<byte> what) => CheckAccessCore(id, bytes, ErrorReporter.Text(what));

    private Status CheckAccessCore(int id, int bytes, ReadOnlySpan<byte> what)
    {
        // Checked at every access: the id travels through a tensor and may come from another subgraph.
        if ((uint)id >= (uint)count)
            return errors.Fail(Status.InvalidArgument, "cannot "u8).Append(what).Append(" resource variable "u8).Append(id)
                .Append(": only "u8).Append(count).Append(" exist"u8);
        ResourceVariable* variable = &variables[id];
        if (variable->Buffer == null)
            return errors.Fail(Status.InvalidState, "cannot "u8).Append(what).Append(" resource variable "u8).Append(id)
                .Append(": no ASSIGN_VARIABLE allocated its buffer"u8);
        if (variable->Bytes != bytes)
            return errors.Fail(Status.InvalidArgument, "cannot "u8).Append(what).Append(" resource variable "u8).Append(id)
                .Append(" of "u8).Append(variable->Bytes).Append(" bytes with a tensor of "u8).Append(bytes).Append(" bytes"u8);
        return Status.Ok;
    }

    private static bool SameBytes(byte* a, int aLength, byte* b, int bLength)
    {
        if (aLength != bLength) return false;
        for (int i = 0; i < aLength; i++)
        {
            if (a[i] != b[i]) return false;
        }
        return true;
    }
}

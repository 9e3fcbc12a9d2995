using TfLiteMicro.Schema;

namespace TfLiteMicro.NativeApi;

/// <summary>
/// The interpreters handed out through the C API, in a fixed table (no GC handles, which the bare-metal runtime
/// does not have). A C handle is the slot number plus one, so NULL is never a valid interpreter.
/// </summary>
internal static unsafe class NativeInterpreters
{
    public const int Capacity = 8;

    /// <summary>The values of tflm_kernels in tflm.h.</summary>
    public const int KernelsReference = 0;

    private static readonly MicroInterpreter?[] Slots = new MicroInterpreter?[Capacity];

    // Heap used before the first live interpreter was created: given back when the last one is destroyed.
    private static nuint heapMark;
    private static int live;

    /// <summary>Where tflm_create failures are described (there is no interpreter to hold them).</summary>
    public static readonly ErrorReporter CreateErrors = new ErrorReporter();

    public static Status Create(byte* model, nuint modelSize, byte* arena, nuint arenaSize, int kernels, out void* handle)
    {
        handle = null;
        CreateErrors.Clear();
        if (model == null || arena == null)
            return CreateErrors.Fail(Status.InvalidArgument, "model and arena must not be NULL"u8);
        if (modelSize > int.MaxValue || arenaSize > int.MaxValue)
            return CreateErrors.Fail(Status.InvalidArgument, "model and arena must be smaller than 2 GiB"u8);
        if (kernels != KernelsReference)
            return CreateErrors.Fail(Status.InvalidArgument, "unknown kernel set "u8).Append(kernels).Append("; valid: 0 (reference)"u8);
        int slot = -1;
        for (int i = 0; i < Capacity; i++)
        {
            if (Slots[i] == null)
            {
                slot = i;
                break;
            }
        }
        if (slot < 0) return CreateErrors.Fail(Status.CapacityExceeded, "all "u8).Append(Capacity).Append(" interpreter slots are in use"u8);

#if TFLM_LIBRARY_COMPRESSION
        MicroInterpreter.EnableCompression();
#endif
        if (live == 0) heapMark = NativeHeap.Used;
        Status status = Model.TryCreate(model, (int)modelSize, CreateErrors, out Model verified);
        if (status == Status.Ok)
        {
            OpResolver resolver = new OpResolver(LibraryOperators.OperatorCount);
            status = LibraryOperators.Register(resolver);
#if BAREMETAL
            // The kernel set the firmware build selected (a port replaces the kernels it accelerates).
            if (status == Status.Ok) status = TfLiteMicro.BareMetal.FirmwareKernels.Apply(resolver);
#endif
            if (status != Status.Ok)
            {
                CreateErrors.Fail(status, "cannot register the kernels: "u8).AppendName(resolver.Errors.Message);
            }
            else
            {
                Slots[slot] = new MicroInterpreter(verified, resolver, arena, (int)arenaSize);
                handle = (void*)(nint)(slot + 1);
                live++;
                return Status.Ok;
            }
        }
        if (live == 0) NativeHeap.Release(heapMark);
        return status;
    }

    /// <summary>The interpreter behind a C handle, or null for NULL, a freed slot or garbage.</summary>
    public static MicroInterpreter? Get(void* handle)
    {
        nint slot = (nint)handle - 1;
        if (slot < 0 || slot >= Capacity) return null;
        return Slots[slot];
    }

    public static void Destroy(void* handle)
    {
        nint slot = (nint)handle - 1;
        if (slot < 0 || slot >= Capacity || Slots[slot] == null) return;
        Slots[slot] = null;
        // The managed objects of every interpreter were allocated after heapMark; with none left, none is in use.
        if (--live == 0) NativeHeap.Release(heapMark);
    }
}

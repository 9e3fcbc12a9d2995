using System;
using System.Runtime.InteropServices;

namespace TfLiteMicro.NativeApi;

/// <summary>
/// The C entry points declared in include/tflm.h. Each one checks its handle and arguments and never lets an
/// exception cross into C: failures are status codes, messages come from <c>tflm_last_error</c>.
/// </summary>
public static unsafe class NativeExports
{
    [UnmanagedCallersOnly(EntryPoint = "tflm_create")]
    public static int Create(byte* model, nuint modelSize, byte* arena, nuint arenaSize, int kernels, void** interpreter)
    {
        NativeHeap.EnsureRuntime();
        if (interpreter == null)
        {
            NativeInterpreters.CreateErrors.Fail(Status.InvalidArgument, "interpreter out-pointer is NULL"u8);
            return (int)Status.InvalidArgument;
        }
        Status status = NativeInterpreters.Create(model, modelSize, arena, arenaSize, kernels, out void* handle);
        *interpreter = handle;
        return (int)status;
    }

    [UnmanagedCallersOnly(EntryPoint = "tflm_allocate_tensors")]
    public static int AllocateTensors(void* interpreter)
    {
        MicroInterpreter? target = NativeInterpreters.Get(interpreter);
        return target == null ? (int)Status.InvalidArgument : (int)target.AllocateTensors();
    }

    [UnmanagedCallersOnly(EntryPoint = "tflm_invoke")]
    public static int Invoke(void* interpreter)
    {
        MicroInterpreter? target = NativeInterpreters.Get(interpreter);
        return target == null ? (int)Status.InvalidArgument : (int)target.Invoke();
    }

    [UnmanagedCallersOnly(EntryPoint = "tflm_reset")]
    public static int Reset(void* interpreter)
    {
        MicroInterpreter? target = NativeInterpreters.Get(interpreter);
        return target == null ? (int)Status.InvalidArgument : (int)target.Reset();
    }

    [UnmanagedCallersOnly(EntryPoint = "tflm_input_count")]
    public static int InputCount(void* interpreter) => NativeInterpreters.Get(interpreter)?.InputCount ?? -1;

    [UnmanagedCallersOnly(EntryPoint = "tflm_output_count")]
    public static int OutputCount(void* interpreter) => NativeInterpreters.Get(interpreter)?.OutputCount ?? -1;

    [UnmanagedCallersOnly(EntryPoint = "tflm_input_data")]
    public static void* InputData(void* interpreter, int index, nuint* bytes) => Data(Tensor(interpreter, index, true), bytes);

    [UnmanagedCallersOnly(EntryPoint = "tflm_output_data")]
    public static void* OutputData(void* interpreter, int index, nuint* bytes) => Data(Tensor(interpreter, index, false), bytes);

    [UnmanagedCallersOnly(EntryPoint = "tflm_input_type")]
    public static int InputType(void* interpreter, int index) => TypeOf(Tensor(interpreter, index, true));

    [UnmanagedCallersOnly(EntryPoint = "tflm_output_type")]
    public static int OutputType(void* interpreter, int index) => TypeOf(Tensor(interpreter, index, false));

    [UnmanagedCallersOnly(EntryPoint = "tflm_input_shape")]
    public static int InputShape(void* interpreter, int index, int* dims, int maxDims) => ShapeOf(Tensor(interpreter, index, true), dims, maxDims);

    [UnmanagedCallersOnly(EntryPoint = "tflm_output_shape")]
    public static int OutputShape(void* interpreter, int index, int* dims, int maxDims) => ShapeOf(Tensor(interpreter, index, false), dims, maxDims);

    [UnmanagedCallersOnly(EntryPoint = "tflm_input_quantization")]
    public static int InputQuantization(void* interpreter, int index, float* scale, int* zeroPoint) =>
        QuantizationOf(Tensor(interpreter, index, true), scale, zeroPoint);

    [UnmanagedCallersOnly(EntryPoint = "tflm_output_quantization")]
    public static int OutputQuantization(void* interpreter, int index, float* scale, int* zeroPoint) =>
        QuantizationOf(Tensor(interpreter, index, false), scale, zeroPoint);

    [UnmanagedCallersOnly(EntryPoint = "tflm_arena_used_bytes")]
    public static nuint ArenaUsedBytes(void* interpreter)
    {
        MicroInterpreter? target = NativeInterpreters.Get(interpreter);
        return target == null ? 0 : (nuint)target.ArenaUsedBytes;
    }

    [UnmanagedCallersOnly(EntryPoint = "tflm_last_error")]
    public static nuint LastError(void* interpreter, byte* buffer, nuint bufferSize)
    {
        NativeHeap.EnsureRuntime();
        MicroInterpreter? target = NativeInterpreters.Get(interpreter);
        ReadOnlySpan<byte> message = target == null ? NativeInterpreters.CreateErrors.Message : target.Errors.Message;
        if (buffer != null && bufferSize > 0)
        {
            nuint count = (nuint)message.Length < bufferSize - 1 ? (nuint)message.Length : bufferSize - 1;
            for (nuint i = 0; i < count; i++) buffer[i] = message[(int)i];
            buffer[count] = 0;
        }
        return (nuint)message.Length;
    }

    [UnmanagedCallersOnly(EntryPoint = "tflm_object_memory_used")]
    public static nuint ObjectMemoryUsed() => NativeHeap.Used;

    [UnmanagedCallersOnly(EntryPoint = "tflm_object_memory_size")]
    public static nuint ObjectMemorySize() => NativeHeap.Size;

    [UnmanagedCallersOnly(EntryPoint = "tflm_destroy")]
    public static void Destroy(void* interpreter) => NativeInterpreters.Destroy(interpreter);

    private static TensorInfo Tensor(void* interpreter, int index, bool input)
    {
        MicroInterpreter? target = NativeInterpreters.Get(interpreter);
        if (target == null) return default;
        return input ? target.Input(index) : target.Output(index);
    }

    private static void* Data(TensorInfo tensor, nuint* bytes)
    {
        if (bytes != null) *bytes = tensor.Exists ? (nuint)tensor.ByteCount : 0;
        return tensor.Exists ? tensor.Data : null;
    }

    private static int TypeOf(TensorInfo tensor) => tensor.Exists ? (int)tensor.Type : -1;

    private static int ShapeOf(TensorInfo tensor, int* dims, int maxDims)
    {
        if (!tensor.Exists) return -1;
        int rank = tensor.Rank;
        for (int i = 0; i < rank && i < maxDims && dims != null; i++) dims[i] = tensor.Dim(i);
        return rank;
    }

    private static int QuantizationOf(TensorInfo tensor, float* scale, int* zeroPoint)
    {
        if (!tensor.Exists) return (int)Status.InvalidArgument;
        QuantizationInfo q = tensor.Quantization;
        if (scale != null) *scale = q.HasQuantization ? q.Scale : 0f;
        if (zeroPoint != null) *zeroPoint = q.HasQuantization ? q.ZeroPoint : 0;
        return (int)Status.Ok;
    }
}

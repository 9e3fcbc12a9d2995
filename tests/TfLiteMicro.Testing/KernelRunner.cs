using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using TfLiteMicro.Memory;
using TfLiteMicro.Schema;

namespace TfLiteMicro.Testing;

/// <summary>A tensor for the kernel runner: type, shape, optional data and quantization.</summary>
public sealed class TestTensor
{
    public TestTensor(TensorType type, int[] shape, byte[]? data = null, float[]? scales = null, long[]? zeroPoints = null,
        int quantizedDimension = 0, bool isConstant = false, bool isVariable = false)
    {
        Type = type;
        Shape = shape;
        Data = data;
        Scales = scales;
        ZeroPoints = zeroPoints;
        QuantizedDimension = quantizedDimension;
        IsConstant = isConstant;
        IsVariable = isVariable;
    }

    public TensorType Type { get; }
    public int[] Shape { get; }
    public byte[]? Data { get; }
    public float[]? Scales { get; }
    public long[]? ZeroPoints { get; }
    public int QuantizedDimension { get; }
    public bool IsConstant { get; }
    public bool IsVariable { get; }

    public static TestTensor Float(int[] shape, float[]? data = null, bool isConstant = false) =>
        new TestTensor(TensorType.Float32, shape, data == null ? null : TfLiteModelBuilder.Bytes(data), isConstant: isConstant);

    public static TestTensor Int8(int[] shape, sbyte[]? data, float scale, int zeroPoint, bool isConstant = false) =>
        new TestTensor(TensorType.Int8, shape, data == null ? null : TfLiteModelBuilder.Bytes(data), new[] { scale }, new long[] { zeroPoint }, isConstant: isConstant);

    public static TestTensor Int16(int[] shape, short[]? data, float scale, int zeroPoint, bool isConstant = false) =>
        new TestTensor(TensorType.Int16, shape, data == null ? null : TfLiteModelBuilder.Bytes(data), new[] { scale }, new long[] { zeroPoint }, isConstant: isConstant);

    public static TestTensor Int32(int[] shape, int[]? data, float scale = 0f, int zeroPoint = 0, bool isConstant = false) =>
        new TestTensor(TensorType.Int32, shape, data == null ? null : TfLiteModelBuilder.Bytes(data),
            scale == 0f ? null : new[] { scale }, scale == 0f ? null : new long[] { zeroPoint }, isConstant: isConstant);

    public static TestTensor Int64(int[] shape, long[]? data, float scale = 0f, bool isConstant = false) =>
        new TestTensor(TensorType.Int64, shape, data == null ? null : TfLiteModelBuilder.Bytes(data),
            scale == 0f ? null : new[] { scale }, scale == 0f ? null : new long[] { 0 }, isConstant: isConstant);

    /// <summary>int8 weights quantized per channel along <paramref name="quantizedDimension"/> (zero points 0).</summary>
    public static TestTensor Int8PerChannel(int[] shape, sbyte[] data, float[] scales, int quantizedDimension = 0) =>
        new TestTensor(TensorType.Int8, shape, TfLiteModelBuilder.Bytes(data), scales, new long[scales.Length], quantizedDimension, isConstant: true);
}

/// <summary>
/// Drives one kernel through Init, Prepare and Invoke on a <see cref="FakeKernelContext"/> without a model
/// (TFLM's KernelRunner), and checks that Prepare released all temp memory. Builtin options are written into a tiny
/// FlatBuffer so the kernel reads them exactly as it would from a real model. One runner per test; the same runner
/// drives the reference kernel and every port's kernel.
/// </summary>
public sealed unsafe class KernelRunner : IDisposable
{
    private readonly OpKernel kernel;
    private readonly IReadOnlyList<TestTensor> tensors;
    private readonly List<IntPtr> allocations = new List<IntPtr>();
    private readonly LoadedModel? optionsModel;
    private readonly NativeArena arena;
    private readonly EvalTensor* evalTensors;
    private readonly FakeKernelContext context;
    private Node node;

    public KernelRunner(OpKernel kernel, IReadOnlyList<TestTensor> tensors, int[] inputs, int[] outputs,
        BuiltinOperator op = BuiltinOperator.CUSTOM, byte optionsType = 0, FbTable? options = null, byte[]? customOptions = null,
        int[]? intermediates = null, int arenaBytes = 1 << 16)
    {
        this.kernel = kernel;
        this.tensors = tensors;
        Errors = new ErrorReporter();
        arena = new NativeArena(arenaBytes);

        evalTensors = (EvalTensor*)Allocate(sizeof(EvalTensor) * Math.Max(1, tensors.Count));
        TensorInfo[] infos = new TensorInfo[tensors.Count];
        for (int i = 0; i < tensors.Count; i++)
        {
            TestTensor tensor = tensors[i];
            int* dims = (int*)Allocate(sizeof(int) * (tensor.Shape.Length + 1));
            dims[0] = tensor.Shape.Length;
            for (int d = 0; d < tensor.Shape.Length; d++) dims[1 + d] = tensor.Shape[d];
            long bytes = TensorTypes.BytesFor(tensor.Type, Dimensions.ElementCount(tensor.Shape));
            byte* data = (byte*)Allocate((int)Math.Max(16, bytes));
            if (tensor.Data != null)
            {
                if (tensor.Data.Length != bytes)
                    throw new ArgumentException($"tensor {i}: {tensor.Data.Length} data bytes for {bytes} expected");
                tensor.Data.AsSpan().CopyTo(new Span<byte>(data, tensor.Data.Length));
            }
            evalTensors[i].Data = data;
            evalTensors[i].Dims = dims;
            evalTensors[i].Type = tensor.Type;

            QuantizationInfo quantization = default;
            if (tensor.Scales != null)
            {
                float* scales = (float*)Allocate(sizeof(float) * tensor.Scales.Length);
                tensor.Scales.AsSpan().CopyTo(new Span<float>(scales, tensor.Scales.Length));
                long[] zeroPoints = tensor.ZeroPoints ?? new long[tensor.Scales.Length];
                long* zp = (long*)Allocate(sizeof(long) * Math.Max(1, zeroPoints.Length));
                zeroPoints.AsSpan().CopyTo(new Span<long>(zp, zeroPoints.Length));
                quantization = new QuantizationInfo(tensor.Scales.Length, scales, zp, zeroPoints.Length, tensor.QuantizedDimension);
            }
            // Like the interpreter: only constant tensors expose data at Prepare time.
            infos[i] = new TensorInfo(i, tensor.Type, dims, tensor.IsConstant ? data : null, tensor.IsConstant, tensor.IsVariable, quantization);
        }

        node.Inputs = IntArray(inputs);
        node.Outputs = IntArray(outputs);
        node.Intermediates = IntArray(intermediates ?? Array.Empty<int>());
        node.Code = op;
        if (options != null)
        {
            // A one-operator model carries the options table; the kernel reads it through the real reader.
            TfLiteModelBuilder builder = new TfLiteModelBuilder();
            SubgraphBuilder graph = builder.AddSubgraph();
            int t = graph.AddTensor(TensorType.Int8, new[] { 1 });
            graph.AddOperator((int)op, new[] { t }, new[] { t }, optionsType, options);
            graph.SetInputs(t).SetOutputs(t);
            optionsModel = new LoadedModel(builder.Build());
            node.BuiltinOptions = optionsModel.Model.GetSubgraph(0).GetOperator(0).BuiltinOptions;
        }
        if (customOptions != null)
        {
            byte* custom = (byte*)Allocate(Math.Max(1, customOptions.Length));
            customOptions.AsSpan().CopyTo(new Span<byte>(custom, customOptions.Length));
            node.CustomOptions = custom;
            node.CustomOptionsLength = customOptions.Length;
        }

        ArenaAllocator allocator = new ArenaAllocator(arena.Pointer, arena.Size);
        context = new FakeKernelContext(allocator, evalTensors, infos, Errors);
    }

    public ErrorReporter Errors { get; }

    public FakeKernelContext Context => context;

    /// <summary>True when every temp allocation made by the kernel was released.</summary>
    public bool TempReleased => context.Arena.IsAllTempDeallocated;

    public ref Node Node => ref node;

    public Status InitAndPrepare()
    {
        Errors.Clear();
        context.SetPhase(KernelPhase.Init);
        Status status = kernel.Init(context, ref node);
        if (status != Status.Ok) return status;
        context.SetPhase(KernelPhase.Prepare);
        status = kernel.Prepare(context, ref node);
        if (!TempReleased)
        {
            return Errors.Fail(Status.Error, "kernel did not release its temp buffers in Prepare"u8);
        }
        context.Arena.ResetTempAllocations();
        return status;
    }

    public Status Invoke()
    {
        context.SetPhase(KernelPhase.Invoke);
        Status status = kernel.Invoke(context, ref node);
        context.Arena.ResetTempAllocations();
        return status;
    }

    public void Reset() => kernel.Reset(context, ref node);

    /// <summary>Overwrites a tensor's data (e.g. a new input between invocations).</summary>
    public void SetData<T>(int tensorIndex, T[] values) where T : unmanaged
    {
        ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(values.AsSpan());
        bytes.CopyTo(new Span<byte>(evalTensors[tensorIndex].Data, bytes.Length));
    }

    /// <summary>A copy of a tensor's data.</summary>
    public T[] Get<T>(int tensorIndex) where T : unmanaged
    {
        EvalTensor tensor = evalTensors[tensorIndex];
        return new ReadOnlySpan<T>(tensor.Data, tensor.ByteCount / sizeof(T)).ToArray();
    }

    /// <summary>A tensor's current dims (kernels may rewrite them in Prepare).</summary>
    public int[] Shape(int tensorIndex) => evalTensors[tensorIndex].Shape.ToArray();

    public void Dispose()
    {
        foreach (IntPtr pointer in allocations) NativeMemory.AlignedFree((void*)pointer);
        allocations.Clear();
        arena.Dispose();
        optionsModel?.Dispose();
    }

    private int* IntArray(int[] values)
    {
        int* array = (int*)Allocate(sizeof(int) * (values.Length + 1));
        array[0] = values.Length;
        for (int i = 0; i < values.Length; i++) array[1 + i] = values[i];
        return array;
    }

    private void* Allocate(int bytes)
    {
        void* pointer = NativeMemory.AlignedAlloc((nuint)Math.Max(16, bytes), 16);
        NativeMemory.Clear(pointer, (nuint)Math.Max(16, bytes));
        allocations.Add((IntPtr)pointer);
        return pointer;
    }
}

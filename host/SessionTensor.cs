using System;
using System.Runtime.InteropServices;
using TfLiteMicro.Npy;

namespace TfLiteMicro.Host;

/// <summary>
/// One input or output of an <see cref="InferenceSession"/>: name, type, shape, quantization and its data, read and
/// written only with the element type the tensor has (<see cref="ElementTypes"/>) and never past its end.
/// </summary>
public sealed unsafe class SessionTensor
{
    private readonly MicroInterpreter interpreter;
    private readonly int subgraphIndex;
    private readonly int tensorIndex;
    private readonly int[] shape;

    internal SessionTensor(MicroInterpreter interpreter, int subgraphIndex, int tensorIndex, string name)
    {
        this.interpreter = interpreter;
        this.subgraphIndex = subgraphIndex;
        this.tensorIndex = tensorIndex;
        Name = name;
        TensorInfo info = Info;
        Type = info.Type;
        shape = info.Shape.ToArray();
        ElementCount = info.ElementCount;
        ByteCount = info.ByteCount;
        IsQuantized = info.Quantization.HasQuantization;
        Scale = info.Quantization.Scale;
        ZeroPoint = info.Quantization.ZeroPoint;
    }

    /// <summary>The tensor's name in the model (or the signature's name for it).</summary>
    public string Name { get; }

    public TensorType Type { get; }

    /// <summary>Dimensions, outermost first.</summary>
    public ReadOnlySpan<int> Shape => shape;

    public int ElementCount { get; }

    public int ByteCount { get; }

    /// <summary>True when the tensor has affine quantization parameters (its first scale and zero point below).</summary>
    public bool IsQuantized { get; }

    public float Scale { get; }

    public int ZeroPoint { get; }

    /// <summary>The interpreter's view (for the explicit API).</summary>
    public TensorInfo Info => interpreter.GetTensor(tensorIndex, subgraphIndex);

    /// <summary>The data as <typeparamref name="T"/>, which must be the tensor's element type; exactly <see cref="ElementCount"/> long.</summary>
    public Span<T> AsSpan<T>() where T : unmanaged
    {
        ElementTypes.Check<T>(Type, Describe());
        TensorInfo info = Info;
        if (info.Data == null) throw new InvalidOperationException(Describe() + " has no memory (its interpreter is not allocated)");
        return new Span<T>(info.Data, ElementCount);
    }

    /// <summary>A copy of the data as <typeparamref name="T"/> (the tensor's element type).</summary>
    public T[] ToArray<T>() where T : unmanaged => AsSpan<T>().ToArray();

    /// <summary>Copies <paramref name="values"/> in: the element type and the count must match.</summary>
    public void CopyFrom<T>(ReadOnlySpan<T> values) where T : unmanaged
    {
        Span<T> data = AsSpan<T>();
        if (values.Length != data.Length)
            throw new ArgumentException(Describe() + " holds " + data.Length + " values, got " + values.Length, nameof(values));
        values.CopyTo(data);
    }

    /// <summary>Copies <paramref name="values"/> in (see <see cref="CopyFrom{T}(ReadOnlySpan{T})"/>).</summary>
    public void CopyFrom<T>(T[] values) where T : unmanaged => CopyFrom((ReadOnlySpan<T>)values);

    /// <summary>The values as real numbers: float32 copied, int8 / uint8 / int16 / int32 dequantized with the tensor's parameters.</summary>
    public float[] ToFloats()
    {
        float[] result = new float[ElementCount];
        switch (Type)
        {
            case TensorType.Float32: AsSpan<float>().CopyTo(result); break;
            case TensorType.Int8: AffineQuantization.Dequantize(AsSpan<sbyte>(), result, QuantScale(), ZeroPoint); break;
            case TensorType.UInt8: AffineQuantization.Dequantize(AsSpan<byte>(), result, QuantScale(), ZeroPoint); break;
            case TensorType.Int16: AffineQuantization.Dequantize(AsSpan<short>(), result, QuantScale(), ZeroPoint); break;
            case TensorType.Int32: AffineQuantization.Dequantize(AsSpan<int>(), result, QuantScale(), ZeroPoint); break;
            default: throw new InvalidOperationException(Describe() + " is " + TensorTypes.NameText(Type) + ", which has no real-number view");
        }
        return result;
    }

    /// <summary>Sets the values from real numbers: copied into float32, quantized (TFLite's rounding, clamped) into integer types.</summary>
    public void SetFloats(ReadOnlySpan<float> values)
    {
        if (values.Length != ElementCount)
            throw new ArgumentException(Describe() + " holds " + ElementCount + " values, got " + values.Length, nameof(values));
        switch (Type)
        {
            case TensorType.Float32: values.CopyTo(AsSpan<float>()); break;
            case TensorType.Int8: AffineQuantization.Quantize(values, AsSpan<sbyte>(), QuantScale(), ZeroPoint); break;
            case TensorType.UInt8: AffineQuantization.Quantize(values, AsSpan<byte>(), QuantScale(), ZeroPoint); break;
            case TensorType.Int16: AffineQuantization.Quantize(values, AsSpan<short>(), QuantScale(), ZeroPoint); break;
            case TensorType.Int32: AffineQuantization.Quantize(values, AsSpan<int>(), QuantScale(), ZeroPoint); break;
            default: throw new InvalidOperationException(Describe() + " is " + TensorTypes.NameText(Type) + ", which cannot be set from real numbers");
        }
    }

    /// <summary>A copy as a .npy array (dtype and shape of the tensor).</summary>
    public NpyArray ToNpy()
    {
        if (!TensorTypeMapping.TryGetNpyType(Type, out NpyDType dtype))
            throw new InvalidOperationException(Describe() + " is " + TensorTypes.NameText(Type) + ", which .npy files cannot hold");
        return new NpyArray(dtype, shape, Bytes().ToArray());
    }

    /// <summary>Copies a .npy array in; its dtype and shape must be the tensor's.</summary>
    public void CopyFrom(NpyArray array)
    {
        ArgumentNullException.ThrowIfNull(array);
        bool typeMatches = TensorTypeMapping.TryGetNpyType(Type, out NpyDType dtype) && dtype == array.DType;
        if (!typeMatches || !array.Shape.SequenceEqual(shape))
            throw new ArgumentException(Describe() + " is " + TensorTypeMapping.NpyName(Type) + NpyArray.FormatShape(shape) + ", got " + array, nameof(array));
        array.Data.AsSpan().CopyTo(Bytes());
    }

    public override string ToString() => Name + ": " + TensorTypes.NameText(Type) + NpyArray.FormatShapeList(shape);

    private Span<byte> Bytes()
    {
        TensorInfo info = Info;
        if (info.Data == null) throw new InvalidOperationException(Describe() + " has no memory (its interpreter is not allocated)");
        return new Span<byte>(info.Data, ByteCount);
    }

    private float QuantScale()
    {
        if (!IsQuantized) throw new InvalidOperationException(Describe() + " is " + TensorTypes.NameText(Type) + " without quantization parameters");
        return Scale;
    }

    private string Describe() => "tensor '" + Name + "'";
}

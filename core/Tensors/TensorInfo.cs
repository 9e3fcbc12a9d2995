using System;
using System.Runtime.CompilerServices;

namespace TfLiteMicro;

/// <summary>
/// Everything known about a tensor while a kernel prepares (TFLM's temporary <c>TfLiteTensor</c>): type, shape,
/// data (null for activations until memory is planned; constant tensors point into the model), and
/// quantization. It is a value built on demand from the model, so unlike TFLM it costs no arena memory; it is
/// only meaningful during Init/Prepare (and for the interpreter's inputs and outputs).
/// </summary>
public readonly unsafe struct TensorInfo
{
    public TensorInfo(int index, TensorType type, int* dims, void* data, bool isConstant, bool isVariable, QuantizationInfo quantization)
    {
        indexPlusOne = index + 1;
        elementType = type;
        Dims = dims;
        Data = data;
        IsConstant = isConstant;
        IsVariable = isVariable;
        Quantization = quantization;
    }

    // Stored off by one so that default(TensorInfo) describes an absent tensor (index -1).
    private readonly int indexPlusOne;

    /// <summary>Index of the tensor in its subgraph; -1 for an absent optional tensor.</summary>
    public int Index => indexPlusOne - 1;

    private readonly TensorType elementType;

    /// <summary>
    /// Element type; <see cref="AbsentType"/> for an absent tensor, so that a kernel's type check refuses a required
    /// input the model left out (index -1) rather than taking it for a float32 scalar.
    /// </summary>
    public TensorType Type => indexPlusOne > 0 ? elementType : AbsentType;

    /// <summary>The <see cref="Type"/> of an absent tensor: no kernel accepts it (its name is "UNKNOWN").</summary>
    public const TensorType AbsentType = (TensorType)byte.MaxValue;

    /// <summary>Length-prefixed dimensions (see <see cref="EvalTensor.Dims"/>).</summary>
    public int* Dims { get; }
    public void* Data { get; }
    public bool IsConstant { get; }
    public bool IsVariable { get; }
    public QuantizationInfo Quantization { get; }

    /// <summary>False for an optional input the model left out (index -1).</summary>
    public bool Exists => indexPlusOne > 0;

    public int Rank => Dims == null ? 0 : Dims[0];
    public int Dim(int index) => Dims[1 + index];
    public ReadOnlySpan<int> Shape => Dims == null ? default : new ReadOnlySpan<int>(Dims + 1, Dims[0]);
    public int ElementCount => Dims == null ? 0 : Dimensions.ElementCount(Dims);
    public int ByteCount => (int)TensorTypes.BytesFor(Type, ElementCount);

    /// <summary>The tensor's memory as a span of <typeparamref name="T"/> (inputs to fill, outputs to read).</summary>
    public Span<T> DataAs<T>() where T : unmanaged =>
        Data == null ? default : new Span<T>(Data, ByteCount / sizeof(T));

    /// <summary>The tensor's memory as bytes.</summary>
    public Span<byte> DataBytes => Data == null ? default : new Span<byte>(Data, ByteCount);

    /// <summary>
    /// The constant data (weights, biases, shapes) as a span; empty for non-constant tensors. Its length is the
    /// tensor's bytes divided by the size of <typeparamref name="T"/>, so it never reaches past the tensor.
    /// </summary>
    public ReadOnlySpan<T> ConstantData<T>() where T : unmanaged =>
        IsConstant && Data != null ? new ReadOnlySpan<T>(Data, ByteCount / sizeof(T)) : default;
}

/// <summary>
/// Affine quantization of a tensor: real = scale × (q − zero_point). Per-channel tensors carry one scale (and zero
/// point) per slice along <see cref="QuantizedDimension"/>; the arrays point into the model.
/// </summary>
public readonly unsafe struct QuantizationInfo
{
    public QuantizationInfo(float scale, int zeroPoint)
    {
        Scale = scale;
        ZeroPoint = zeroPoint;
        ChannelCount = 1;
        Scales = null;
        ZeroPoints = null;
        QuantizedDimension = 0;
        HasQuantization = true;
    }

    public QuantizationInfo(int channelCount, float* scales, long* zeroPoints, int zeroPointCount, int quantizedDimension)
    {
        ChannelCount = channelCount;
        Scales = scales;
        ZeroPoints = zeroPointCount == 0 ? null : zeroPoints;
        ZeroPointCount = zeroPointCount;
        QuantizedDimension = quantizedDimension;
        Scale = channelCount > 0 ? scales[0] : 0f;
        ZeroPoint = zeroPointCount > 0 ? (int)Unsafe.ReadUnaligned<long>(zeroPoints) : 0;
        HasQuantization = channelCount > 0;
    }

    /// <summary>False when the tensor has no quantization parameters (float tensors, plain integers).</summary>
    public bool HasQuantization { get; }

    /// <summary>First (or only) scale: TFLM's <c>params.scale</c>.</summary>
    public float Scale { get; }

    /// <summary>First (or only) zero point: TFLM's <c>params.zero_point</c>.</summary>
    public int ZeroPoint { get; }

    /// <summary>Number of scales (1 for per-tensor quantization).</summary>
    public int ChannelCount { get; }
    public float* Scales { get; }

    /// <summary>
    /// The int64 zero points as stored in the model, or null. Only 4-byte alignment is guaranteed (FlatBuffers aligns
    /// the vector's length word, and real models put the elements at 4 mod 8): read them with <see cref="ZeroPointAt"/>.
    /// </summary>
    public long* ZeroPoints { get; }
    public int ZeroPointCount { get; }

    /// <summary>Zero point <paramref name="index"/> (0 &lt;= index &lt; <see cref="ZeroPointCount"/>), read with an unaligned load.</summary>
    public long ZeroPointAt(int index) => Unsafe.ReadUnaligned<long>(ZeroPoints + index);
    public int QuantizedDimension { get; }

    public bool IsPerChannel => ChannelCount > 1;

    public float ChannelScale(int channel) => Scales == null ? Scale : Scales[channel];

    /// <summary>Zero point of a channel; a single zero point applies to every channel (as in TFLM).</summary>
    public int ChannelZeroPoint(int channel) =>
        ZeroPoints == null ? ZeroPoint : (int)ZeroPointAt(ZeroPointCount == 1 ? 0 : channel);
}

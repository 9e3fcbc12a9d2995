namespace TfLiteMicro.Ports.X86Simd;

/// <summary>How a port kernel runs a node, decided once at Prepare.</summary>
public enum PackedPath
{
    /// <summary>The reference math (types or layouts the port does not accelerate, e.g. non-constant weights).</summary>
    Reference = 0,

    /// <summary>int8 activations and weights through <see cref="Int8Gemm"/>.</summary>
    Int8 = 1,

    /// <summary>float32 activations through <see cref="FloatGemm"/>.</summary>
    Float = 2,
}

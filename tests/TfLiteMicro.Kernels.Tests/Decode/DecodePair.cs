using TfLiteMicro.Testing;

namespace TfLiteMicro.Kernels.Tests.Decode;

/// <summary>One DECODE input pair and its output: raw encoded bytes, raw ancillary bytes, the output tensor.</summary>
public sealed record DecodePair(byte[] Encoded, byte[] Ancillary, TestTensor Output);

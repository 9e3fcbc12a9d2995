using TfLiteMicro.FlexBuffers;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// The custom options SignalRfft and SignalIrfft share: 'T' (the tensor type, which selects the kiss_fft build)
/// and 'fft_length' (even, kiss_fftr's requirement).
/// </summary>
public static class SignalFftOptions
{
    /// <summary>Largest supported FFT length (keeps every size computation far from overflow).</summary>
    public const int MaxFftLength = 1 << 20;

    public static Status Read(KernelContext context, ref Node node, out TensorType type, out int fftLength)
    {
        type = TensorType.Float32;
        fftLength = 0;
        Status status = SignalOptions.GetMap(context, ref node, out FlexMap options);
        if (status != Status.Ok) return status;
        status = options.GetInt32("T"u8, context.Errors, out int typeValue);
        if (status == Status.Ok) status = options.GetInt32("fft_length"u8, context.Errors, out fftLength);
        if (status != Status.Ok) return status;

        // Check the full value before narrowing it to the byte-sized enum.
        if (typeValue != (int)TensorType.Int16 && typeValue != (int)TensorType.Int32 && typeValue != (int)TensorType.Float32)
            return context.Errors.Fail(Status.Error, "option 'T' = "u8).Append(typeValue).Append(" ("u8)
                .Append(typeValue >= 0 && typeValue <= 255 ? TensorTypes.Name((TensorType)typeValue) : "UNKNOWN"u8)
                .Append(") is not supported; INT16, INT32 and FLOAT32 are"u8);
        type = (TensorType)typeValue;
        if (fftLength < 2 || fftLength > MaxFftLength || (fftLength & 1) != 0)
            return context.Errors.Fail(Status.Error, "option 'fft_length' = "u8).Append(fftLength)
                .Append(" must be even and in 2.."u8).Append(MaxFftLength);
        return Status.Ok;
    }

    /// <summary>Bytes of one real sample of <paramref name="type"/> (INT16, INT32 or FLOAT32).</summary>
    public static int SampleSize(TensorType type) => type == TensorType.Int16 ? sizeof(short) : sizeof(int);
}

namespace TfLiteMicro.Kernels.Reference;

public static partial class ReferenceKernels
{
    public static Status AddSignalWindow(this OpResolver resolver) => resolver.AddCustom("SignalWindow"u8, SignalWindow.Kernel);

    public static Status AddSignalFftAutoScale(this OpResolver resolver) => resolver.AddCustom("SignalFftAutoScale"u8, SignalFftAutoScale.Kernel);

    public static Status AddSignalRfft(this OpResolver resolver) => resolver.AddCustom("SignalRfft"u8, SignalRfft.Kernel);

    public static Status AddSignalEnergy(this OpResolver resolver) => resolver.AddCustom("SignalEnergy"u8, SignalEnergy.Kernel);

    public static Status AddSignalFilterBank(this OpResolver resolver) => resolver.AddCustom("SignalFilterBank"u8, SignalFilterBank.Kernel);

    public static Status AddSignalFilterBankSquareRoot(this OpResolver resolver) =>
        resolver.AddCustom("SignalFilterBankSquareRoot"u8, SignalFilterBankSquareRoot.Kernel);

    public static Status AddSignalFilterBankSpectralSubtraction(this OpResolver resolver) =>
        resolver.AddCustom("SignalFilterBankSpectralSubtraction"u8, SignalFilterBankSpectralSubtraction.Kernel);

    public static Status AddSignalFilterBankLog(this OpResolver resolver) => resolver.AddCustom("SignalFilterBankLog"u8, SignalFilterBankLog.Kernel);

    public static Status AddSignalPcan(this OpResolver resolver) => resolver.AddCustom("SignalPCAN"u8, SignalPcan.Kernel);

    public static Status AddSignalDelay(this OpResolver resolver) => resolver.AddCustom("SignalDelay"u8, SignalDelay.Kernel);

    public static Status AddSignalFramer(this OpResolver resolver) => resolver.AddCustom("SignalFramer"u8, SignalFramer.Kernel);

    public static Status AddSignalStacker(this OpResolver resolver) => resolver.AddCustom("SignalStacker"u8, SignalStacker.Kernel);

    public static Status AddSignalOverlapAdd(this OpResolver resolver) => resolver.AddCustom("SignalOverlapAdd"u8, SignalOverlapAdd.Kernel);

    public static Status AddSignalIrfft(this OpResolver resolver) => resolver.AddCustom("SignalIrfft"u8, SignalIrfft.Kernel);

    static partial void AddSignalKernels(OpResolver resolver, ref Status status)
    {
        if (status == Status.Ok) status = resolver.AddSignalWindow();
        if (status == Status.Ok) status = resolver.AddSignalFftAutoScale();
        if (status == Status.Ok) status = resolver.AddSignalRfft();
        if (status == Status.Ok) status = resolver.AddSignalEnergy();
        if (status == Status.Ok) status = resolver.AddSignalFilterBank();
        if (status == Status.Ok) status = resolver.AddSignalFilterBankSquareRoot();
        if (status == Status.Ok) status = resolver.AddSignalFilterBankSpectralSubtraction();
        if (status == Status.Ok) status = resolver.AddSignalFilterBankLog();
        if (status == Status.Ok) status = resolver.AddSignalPcan();
        if (status == Status.Ok) status = resolver.AddSignalDelay();
        if (status == Status.Ok) status = resolver.AddSignalFramer();
        if (status == Status.Ok) status = resolver.AddSignalStacker();
        if (status == Status.Ok) status = resolver.AddSignalOverlapAdd();
        if (status == Status.Ok) status = resolver.AddSignalIrfft();
        // The other custom ops TFLM ships (AddCircularBuffer etc. live in ReferenceKernels.CustomOps.cs).
        if (status == Status.Ok) status = resolver.AddCircularBuffer();
        if (status == Status.Ok) status = resolver.AddDetectionPostProcess();
        if (status == Status.Ok) status = resolver.AddDecode();
    }
}

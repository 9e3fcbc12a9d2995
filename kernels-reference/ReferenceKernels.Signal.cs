namespace TfLiteMicro.Kernels.Reference;

public static partial class ReferenceKernels
{
    public static Status AddSignalWindow(this OpResolver resolver) => resolver.AddCustom("SignalWindow", SignalWindow.Kernel);

    public static Status AddSignalFftAutoScale(this OpResolver resolver) => resolver.AddCustom("SignalFftAutoScale", SignalFftAutoScale.Kernel);

    public static Status AddSignalRfft(this OpResolver resolver) => resolver.AddCustom("SignalRfft", SignalRfft.Kernel);

    public static Status AddSignalEnergy(this OpResolver resolver) => resolver.AddCustom("SignalEnergy", SignalEnergy.Kernel);

    public static Status AddSignalFilterBank(this OpResolver resolver) => resolver.AddCustom("SignalFilterBank", SignalFilterBank.Kernel);

    public static Status AddSignalFilterBankSquareRoot(this OpResolver resolver) =>
        resolver.AddCustom("SignalFilterBankSquareRoot", SignalFilterBankSquareRoot.Kernel);

    public static Status AddSignalFilterBankSpectralSubtraction(this OpResolver resolver) =>
        resolver.AddCustom("SignalFilterBankSpectralSubtraction", SignalFilterBankSpectralSubtraction.Kernel);

    public static Status AddSignalFilterBankLog(this OpResolver resolver) => resolver.AddCustom("SignalFilterBankLog", SignalFilterBankLog.Kernel);

    public static Status AddSignalPcan(this OpResolver resolver) => resolver.AddCustom("SignalPCAN", SignalPcan.Kernel);

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
    }
}

using TfLiteMicro.Kernels.Reference;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Signal;

public class SignalRegistrationTests
{
    [Theory]
    [InlineData("SignalWindow")]
    [InlineData("SignalFftAutoScale")]
    [InlineData("SignalRfft")]
    [InlineData("SignalEnergy")]
    [InlineData("SignalFilterBank")]
    [InlineData("SignalFilterBankSquareRoot")]
    [InlineData("SignalFilterBankSpectralSubtraction")]
    [InlineData("SignalFilterBankLog")]
    [InlineData("SignalPCAN")]
    public void AddAllRegistersEveryAudioFrontEndOp(string name)
    {
        OpResolver resolver = new OpResolver();
        Assert.Equal(Status.Ok, ReferenceKernels.AddAll(resolver));
        Assert.True(resolver.FindCustom(name) >= 0);
    }
}

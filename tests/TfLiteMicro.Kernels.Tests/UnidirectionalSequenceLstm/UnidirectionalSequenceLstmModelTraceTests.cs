using TfLiteMicro.Kernels.Tests.Svdf;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.UnidirectionalSequenceLstm;

/// <summary>
/// The LSTM layers of the shared models against TFLM's own per-op dumps (trace0): integers bit-exact, float within
/// the golden tolerance. Ops not registered yet are stubbed and the comparison stops before them.
/// </summary>
public class UnidirectionalSequenceLstmModelTraceTests
{
    [Theory]
    [InlineData("mnist_lstm_float")]
    [InlineData("mnist_lstm_int8")]
    [InlineData("dtln_noise_suppression")]
    public void MatchesTflmTrace(string model)
    {
        int compared = SequenceModelTrace.CompareWithTflm(model, "UNIDIRECTIONAL_SEQUENCE_LSTM");
        Assert.True(compared > 0);
    }
}

using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>The constant data of one LSTM gate: input weights [state, input], recurrent weights [state, state], bias [state].</summary>
public ref struct LstmGateTensors<TWeight, TBias>
    where TWeight : unmanaged
    where TBias : unmanaged
{
    public ReadOnlySpan<TWeight> InputWeights;
    public ReadOnlySpan<TWeight> RecurrentWeights;
    public ReadOnlySpan<TBias> Bias;

    public LstmGateTensors(ReadOnlySpan<TWeight> inputWeights, ReadOnlySpan<TWeight> recurrentWeights, ReadOnlySpan<TBias> bias)
    {
        InputWeights = inputWeights;
        RecurrentWeights = recurrentWeights;
        Bias = bias;
    }
}

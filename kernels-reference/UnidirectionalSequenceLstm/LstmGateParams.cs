namespace TfLiteMicro.Kernels.Reference;

/// <summary>The two matmuls of one LSTM gate: input × input weights (+ bias) and hidden state × recurrent weights.</summary>
public struct LstmGateParams
{
    public LstmFullyConnectedParams Input;
    public LstmFullyConnectedParams Recurrent;
}

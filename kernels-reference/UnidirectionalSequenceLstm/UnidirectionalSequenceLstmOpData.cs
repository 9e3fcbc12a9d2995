namespace TfLiteMicro.Kernels.Reference;

/// <summary>What UNIDIRECTIONAL_SEQUENCE_LSTM's Prepare computes for Invoke (TFLM's <c>OpDataLSTM</c>).</summary>
public struct UnidirectionalSequenceLstmOpData
{
    public LstmSizes Sizes;

    /// <summary>Activation of the cell gate, the op's fused activation (tanh or sigmoid, QuantizationMath codes).</summary>
    public int CellGateActivation;

    // Integer kernels only; the float kernel has no parameters beyond the clip.
    public LstmGateParams ForgetGate;
    public LstmGateParams InputGate;
    public LstmGateParams CellGate;
    public LstmGateParams OutputGate;

    /// <summary>forget gate × cell state → cell state.</summary>
    public LstmMulParams ForgetCellMul;

    /// <summary>input gate × cell gate → cell state.</summary>
    public LstmMulParams InputMul;

    /// <summary>tanh(cell state) × output gate → hidden state.</summary>
    public LstmMulParams OutputMul;

    /// <summary>log2 of the cell state's scale, rounded (TFLM's <c>cell_state_scale_power</c>).</summary>
    public int CellStateScalePower;

    /// <summary>The option's cell clip; 0 disables clipping.</summary>
    public float CellClip;

    /// <summary>The cell clip in cell-state units (integer kernels).</summary>
    public short QuantizedCellClip;

    /// <summary>Scratch buffers of batch × state cell values each (TFLM's <c>buffer_indices</c>).</summary>
    public int Buffer0;
    public int Buffer1;
    public int Buffer2;
    public int Buffer3;
}

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// The sizes of an UNIDIRECTIONAL_SEQUENCE_LSTM (TFLM's <c>LstmSizeInfo</c>): the input is [time, batch, input]
/// when time-major, else [batch, time, input]; each state holds batch × state values.
/// </summary>
public struct LstmSizes
{
    public bool TimeMajor;
    public int BatchSize;
    public int TimeSteps;
    public int InputDimension;
    public int StateDimension;

    /// <summary>Rows one step works on: every batch at once when time-major, a single batch otherwise.</summary>
    public readonly int StepBatches => TimeMajor ? BatchSize : 1;
}

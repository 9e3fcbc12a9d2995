namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Where one LSTM step reads and writes (TFLM's <c>LstmStepManager</c>). Time-major inputs run every batch per
/// step, so only the input/output offsets move; batch-major inputs run one batch at a time through all steps,
/// and the state offsets move to the next batch's row when a batch is done. The input and output offsets never
/// reset: in batch-major layout batch b's first step directly follows batch b−1's last.
/// </summary>
public struct LstmStepCursor
{
    public int InputOffset;
    public int OutputOffset;
    public int StateOffset;

    public void NextTime(in LstmSizes sizes)
    {
        InputOffset += sizes.InputDimension * sizes.StepBatches;
        OutputOffset += sizes.StateDimension * sizes.StepBatches;
    }

    public void NextBatch(in LstmSizes sizes)
    {
        if (!sizes.TimeMajor) StateOffset += sizes.StateDimension;
    }
}

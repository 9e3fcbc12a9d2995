namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Where legacy uint8 inputs of TFLite_Detection_PostProcess are dequantized to (byte offsets in the op's scratch buffer,
/// −1 for a float input) and their quantization.
/// </summary>
public struct DetectionPostProcessUInt8Inputs
{
    public int BoxesOffset;
    public int AnchorsOffset;
    public int ScoresOffset;
    public float BoxScale;
    public int BoxZeroPoint;
    public float AnchorScale;
    public int AnchorZeroPoint;
    public float ScoreScale;
    public int ScoreZeroPoint;
}

/// <summary>
/// TFLite_Detection_PostProcess with legacy uint8 inputs, as TFLite's detection_postprocess.cc takes them (TFLM takes
/// float only): uint8 box encodings (then the anchors are uint8 too) and/or uint8 class predictions are dequantized,
/// (q − zero point) · scale in float, before the float algorithm runs unchanged.
/// </summary>
public static unsafe class DetectionPostProcessUInt8
{
    /// <summary>Records the inputs' types and quantization; returns the scratch bytes after <paramref name="offset"/> it needs.</summary>
    public static long Reserve(ref DetectionPostProcessUInt8Inputs inputs, TensorInfo boxes, TensorInfo classes, TensorInfo anchors,
        int numBoxes, int boxStride, int classesWithBackground, long offset)
    {
        inputs.BoxesOffset = -1;
        inputs.AnchorsOffset = -1;
        inputs.ScoresOffset = -1;
        if (boxes.Type == TensorType.UInt8)
        {
            inputs.BoxScale = boxes.Quantization.Scale;
            inputs.BoxZeroPoint = boxes.Quantization.ZeroPoint;
            inputs.AnchorScale = anchors.Quantization.Scale;
            inputs.AnchorZeroPoint = anchors.Quantization.ZeroPoint;
            inputs.BoxesOffset = (int)offset;
            offset += (long)numBoxes * boxStride * sizeof(float);
            inputs.AnchorsOffset = (int)offset;
            offset += (long)numBoxes * 4 * sizeof(float);
        }
        if (classes.Type == TensorType.UInt8)
        {
            inputs.ScoreScale = classes.Quantization.Scale;
            inputs.ScoreZeroPoint = classes.Quantization.ZeroPoint;
            inputs.ScoresOffset = (int)offset;
            offset += (long)numBoxes * classesWithBackground * sizeof(float);
        }
        return offset;
    }

    /// <summary>The input as floats: its data, or its dequantized copy in the scratch buffer.</summary>
    public static float* AsFloat(void* data, int count, byte* scratch, int offset, float scale, int zeroPoint)
    {
        if (offset < 0) return (float*)data;
        byte* quantized = (byte*)data;
        float* result = (float*)(scratch + offset);
        for (int i = 0; i < count; i++) result[i] = (quantized[i] - zeroPoint) * scale;
        return result;
    }
}

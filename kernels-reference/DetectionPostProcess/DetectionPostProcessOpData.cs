namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Per-node state of TFLite_Detection_PostProcess, kept in the arena: the options, the sizes fixed at Prepare and
/// the layout of the single scratch buffer that holds every temporary array of TFLM's kernel.
/// </summary>
public struct DetectionPostProcessOpData
{
    public int MaxDetections;
    /// <summary>Fast NMS: classes reported per selected box.</summary>
    public int MaxClassesPerDetection;
    /// <summary>Regular NMS: boxes kept per class.</summary>
    public int DetectionsPerClass;
    public float ScoreThreshold;
    public float IouThreshold;
    public int NumClasses;
    public bool UseRegularNms;
    public float YScale;
    public float XScale;
    public float HScale;
    public float WScale;

    /// <summary>Number of anchors (box_encodings dims[1]).</summary>
    public int NumBoxes;
    /// <summary>Values per box encoding (box_encodings dims[2], at least 4).</summary>
    public int BoxStride;
    /// <summary>Classes including the optional background class (class_predictions dims[2]).</summary>
    public int NumClassesWithBackground;

    public int ScratchIndex;
    // Byte offsets of the arrays inside the scratch buffer.
    public int DecodedBoxesOffset;
    public int ActiveOffset;
    public int ClassScoresOffset;
    public int KeepScoresOffset;
    public int KeepIndicesOffset;
    public int SortedIndicesOffset;
    public int SelectedOffset;
    public int CandidateIndicesOffset;
    public int CandidateScoresOffset;
    public int SortedValuesOffset;
    public int ClassOrderOffset;

    /// <summary>Legacy uint8 inputs (TFLite's kernel): where they are dequantized to, and their quantization.</summary>
    public DetectionPostProcessUInt8Inputs UInt8;
}

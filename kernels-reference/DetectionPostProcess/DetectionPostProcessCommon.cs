using System;
using TfLiteMicro.FlexBuffers;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// TFLite_Detection_PostProcess's Init and Prepare (TFLM kernels/detection_postprocess.cc). Options (FlexBuffer
/// map): max_detections, max_classes_per_detection, detections_per_class (default 100), use_regular_nms
/// (default false), nms_score_threshold, nms_iou_threshold, num_classes, y_scale, x_scale, h_scale, w_scale.
/// Inputs: float32 box_encodings [1, boxes, ≥4], class_predictions [1, boxes, classes (+1 background)], anchors
/// [boxes, 4]. Outputs (float32): detection_boxes, detection_classes, detection_scores, num_detections. TFLM's
/// Eval-time option checks are done here; like TFLM, quantized inputs are not supported.
/// </summary>
public static unsafe class DetectionPostProcessCommon
{
    public const int BoxEncodingsTensor = 0;
    public const int ClassPredictionsTensor = 1;
    public const int AnchorsTensor = 2;
    public const int DetectionBoxesTensor = 0;
    public const int DetectionClassesTensor = 1;
    public const int DetectionScoresTensor = 2;
    public const int NumDetectionsTensor = 3;

    /// <summary>TFLM's default for a missing detections_per_class.</summary>
    public const int DefaultDetectionsPerClass = 100;

    public static Status Init(KernelContext context, ref Node node)
    {
        DetectionPostProcessOpData* data = (DetectionPostProcessOpData*)context.AllocatePersistentBuffer(sizeof(DetectionPostProcessOpData));
        if (data == null) return context.Errors.LastStatus;
        *data = default;
        node.UserData = data;
        Status status = SignalOptions.GetMap(context, ref node, out FlexMap options);
        if (status != Status.Ok) return status;
        ErrorReporter errors = context.Errors;
        status = options.GetInt32("max_detections"u8, errors, out data->MaxDetections);
        if (status == Status.Ok) status = options.GetInt32("max_classes_per_detection"u8, errors, out data->MaxClassesPerDetection);
        data->DetectionsPerClass = DefaultDetectionsPerClass;
        if (status == Status.Ok && options.ContainsKey("detections_per_class"u8))
            status = options.GetInt32("detections_per_class"u8, errors, out data->DetectionsPerClass);
        if (status == Status.Ok && options.ContainsKey("use_regular_nms"u8))
            status = options.GetBool("use_regular_nms"u8, errors, out data->UseRegularNms);
        if (status == Status.Ok) status = options.GetFloat("nms_score_threshold"u8, errors, out data->ScoreThreshold);
        if (status == Status.Ok) status = options.GetFloat("nms_iou_threshold"u8, errors, out data->IouThreshold);
        if (status == Status.Ok) status = options.GetInt32("num_classes"u8, errors, out data->NumClasses);
        if (status == Status.Ok) status = options.GetFloat("y_scale"u8, errors, out data->YScale);
        if (status == Status.Ok) status = options.GetFloat("x_scale"u8, errors, out data->XScale);
        if (status == Status.Ok) status = options.GetFloat("h_scale"u8, errors, out data->HScale);
        if (status == Status.Ok) status = options.GetFloat("w_scale"u8, errors, out data->WScale);
        if (status != Status.Ok) return status;

        if (data->MaxDetections < 0) return OptionError(context, "max_detections"u8, data->MaxDetections, "must be >= 0"u8);
        if (data->NumClasses < 1) return OptionError(context, "num_classes"u8, data->NumClasses, "must be >= 1"u8);
        if (data->UseRegularNms && data->DetectionsPerClass <= 0)
            return OptionError(context, "detections_per_class"u8, data->DetectionsPerClass, "must be > 0"u8);
        if (!data->UseRegularNms && data->MaxClassesPerDetection <= 0)
            return OptionError(context, "max_classes_per_detection"u8, data->MaxClassesPerDetection, "must be > 0"u8);
        if (!(data->IouThreshold > 0f && data->IouThreshold <= 1f))
            return context.Errors.Fail(Status.Error, "option 'nms_iou_threshold' = "u8).Append(data->IouThreshold).Append(" must be in (0, 1]"u8);
        return Status.Ok;
    }

    private static Status OptionError(KernelContext context, ReadOnlySpan<byte> option, int value, ReadOnlySpan<byte> rule) =>
        context.Errors.Fail(Status.Error, "option '"u8).Append(option).Append("' = "u8).Append(value).Append(' ').Append(rule);

    public static Status Prepare(KernelContext context, ref Node node)
    {
        DetectionPostProcessOpData* data = (DetectionPostProcessOpData*)node.UserData;
        Status status = SignalChecks.Counts(context, ref node, 3, 4);
        if (status != Status.Ok) return status;
        TensorInfo boxes = context.GetInputInfo(ref node, BoxEncodingsTensor);
        TensorInfo classes = context.GetInputInfo(ref node, ClassPredictionsTensor);
        TensorInfo anchors = context.GetInputInfo(ref node, AnchorsTensor);
        // Float as in TFLM, or legacy uint8 as TFLite takes them (uint8 boxes come with uint8 anchors).
        TensorType boxType = boxes.Type == TensorType.UInt8 ? TensorType.UInt8 : TensorType.Float32;
        status = SignalChecks.Tensor(context, boxes, boxType, 3, "box_encodings"u8);
        if (status == Status.Ok) status = SignalChecks.Tensor(context, classes, classes.Type == TensorType.UInt8 ? TensorType.UInt8 : TensorType.Float32, 3, "class_predictions"u8);
        if (status == Status.Ok) status = SignalChecks.Tensor(context, anchors, boxType, 2, "anchors"u8);
        if (status != Status.Ok) return status;

        data->NumBoxes = boxes.Dim(1);
        data->BoxStride = boxes.Dim(2);
        data->NumClassesWithBackground = classes.Dim(2);
        if (boxes.Dim(0) != 1 || data->BoxStride < 4 || data->NumBoxes < 0)
            return context.Errors.Fail(Status.Error, "box_encodings tensor "u8).Append(boxes.Index).Append(" must be [1, boxes, >= 4]"u8);
        if (classes.Dim(0) != 1 || classes.Dim(1) != data->NumBoxes)
            return context.Errors.Fail(Status.Error, "class_predictions tensor "u8).Append(classes.Index).Append(" must be [1, "u8)
                .Append(data->NumBoxes).Append(", classes]"u8);
        int background = data->NumClassesWithBackground - data->NumClasses;
        if (background != 0 && background != 1)
            return context.Errors.Fail(Status.Error, "class_predictions tensor "u8).Append(classes.Index).Append(" has "u8)
                .Append(data->NumClassesWithBackground).Append(" classes; num_classes is "u8).Append(data->NumClasses)
                .Append(" (one extra background class at most)"u8);
        if (anchors.Dim(0) != data->NumBoxes || anchors.Dim(1) != 4)
            return context.Errors.Fail(Status.Error, "anchors tensor "u8).Append(anchors.Index).Append(" must be ["u8)
                .Append(data->NumBoxes).Append(", 4]"u8);

        // Every output slot TFLM may write: max_detections, times the classes per box for fast NMS.
        int categories = data->MaxClassesPerDetection < data->NumClasses ? data->MaxClassesPerDetection : data->NumClasses;
        long slots = data->UseRegularNms ? data->MaxDetections : (long)data->MaxDetections * categories;
        for (int i = 0; i < 4; i++)
        {
            TensorInfo output = context.GetOutputInfo(ref node, i);
            status = SignalChecks.Tensor(context, output, TensorType.Float32, -1, "output"u8);
            if (status != Status.Ok) return status;
            long needed = i == DetectionBoxesTensor ? 4 * slots : i == NumDetectionsTensor ? 1 : slots;
            if (output.ElementCount < needed)
                return context.Errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" has "u8).Append(output.ElementCount)
                    .Append(" elements, needs "u8).Append(needed);
        }
        return RequestScratch(context, data, boxes, classes, anchors);
    }

    /// <summary>One scratch buffer carved into TFLM's temporary arrays (sized so no index can run past them).</summary>
    private static Status RequestScratch(KernelContext context, DetectionPostProcessOpData* data, TensorInfo boxes, TensorInfo classes,
        TensorInfo anchors)
    {
        long n = data->NumBoxes;
        long candidates = data->MaxDetections + n;
        long offset = 0;
        data->DecodedBoxesOffset = (int)offset; offset += 4 * n * sizeof(float);
        data->ClassScoresOffset = (int)offset; offset += n * sizeof(float);
        data->KeepScoresOffset = (int)offset; offset += n * sizeof(float);
        data->KeepIndicesOffset = (int)offset; offset += n * sizeof(int);
        data->SortedIndicesOffset = (int)offset; offset += candidates * sizeof(int);
        data->SelectedOffset = (int)offset; offset += n * sizeof(int);
        data->CandidateIndicesOffset = (int)offset; offset += candidates * sizeof(int);
        data->CandidateScoresOffset = (int)offset; offset += candidates * sizeof(float);
        data->SortedValuesOffset = (int)offset; offset += data->MaxDetections * sizeof(float);
        data->ClassOrderOffset = (int)offset; offset += data->UseRegularNms ? 0 : n * data->NumClasses * sizeof(int);
        data->ActiveOffset = (int)offset; offset += n;
        offset = (offset + 3) & ~3L;
        offset = DetectionPostProcessUInt8.Reserve(ref data->UInt8, boxes, classes, anchors, data->NumBoxes, data->BoxStride,
            data->NumClassesWithBackground, offset);
        if (offset > int.MaxValue - 16)
            return context.Errors.Fail(Status.Error, "scratch memory of "u8).Append(offset).Append(" bytes is too large"u8);
        return context.RequestScratchBuffer((int)offset + 1, out data->ScratchIndex);
    }
}

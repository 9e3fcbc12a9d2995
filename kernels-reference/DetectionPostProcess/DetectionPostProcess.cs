namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// TFLite_Detection_PostProcess (TFLM custom op, SSD models): decodes anchor-relative boxes, then selects boxes by
/// non-max suppression, either per class ("regular") or on each box's best class ("fast").
/// Quirks kept from TFLM: fast NMS with several classes per box writes slot count·k + col for the k-th written
/// entry (TFLM increments its counter per class), leaving gaps (writes past the outputs, which corrupt memory in
/// TFLM, are dropped here); fast NMS leaves unused output slots untouched; any decoded box with ymin ≥ ymax or
/// xmin ≥ xmax fails the invocation.
/// </summary>
public sealed unsafe class DetectionPostProcess : OpKernel
{
    public static readonly DetectionPostProcess Kernel = new DetectionPostProcess();

    public override Status Init(KernelContext context, ref Node node) => DetectionPostProcessCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => DetectionPostProcessCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        DetectionPostProcessOpData* data = (DetectionPostProcessOpData*)node.UserData;
        byte* scratch = (byte*)context.GetScratchBuffer(data->ScratchIndex);
        float* decoded = (float*)(scratch + data->DecodedBoxesOffset);
        ref DetectionPostProcessUInt8Inputs q = ref data->UInt8;
        float* encodings = DetectionPostProcessUInt8.AsFloat(context.GetInput(ref node, DetectionPostProcessCommon.BoxEncodingsTensor).Data,
            data->NumBoxes * data->BoxStride, scratch, q.BoxesOffset, q.BoxScale, q.BoxZeroPoint);
        float* scores = DetectionPostProcessUInt8.AsFloat(context.GetInput(ref node, DetectionPostProcessCommon.ClassPredictionsTensor).Data,
            data->NumBoxes * data->NumClassesWithBackground, scratch, q.ScoresOffset, q.ScoreScale, q.ScoreZeroPoint);
        float* anchors = DetectionPostProcessUInt8.AsFloat(context.GetInput(ref node, DetectionPostProcessCommon.AnchorsTensor).Data,
            data->NumBoxes * 4, scratch, q.AnchorsOffset, q.AnchorScale, q.AnchorZeroPoint);

        DetectionPostProcessMath.DecodeBoxes(encodings, data->BoxStride, anchors, data->NumBoxes,
            data->YScale, data->XScale, data->HScale, data->WScale, decoded);
        // TFLM validates inside every NMS pass, before any output is written; once is equivalent.
        int invalid = DetectionPostProcessMath.FirstInvalidBox(decoded, data->NumBoxes);
        if (invalid >= 0)
            return context.Errors.Fail(Status.Error, "decoded box "u8).Append(invalid).Append(" has ymin >= ymax or xmin >= xmax"u8);

        Outputs outputs = new Outputs(context, ref node);
        if (data->UseRegularNms) RegularNms(data, scratch, scores, outputs);
        else FastNms(data, scratch, scores, outputs);
        return Status.Ok;
    }

    private readonly struct Outputs
    {
        public Outputs(KernelContext context, ref Node node)
        {
            ref EvalTensor boxes = ref context.GetOutput(ref node, DetectionPostProcessCommon.DetectionBoxesTensor);
            ref EvalTensor classes = ref context.GetOutput(ref node, DetectionPostProcessCommon.DetectionClassesTensor);
            ref EvalTensor scores = ref context.GetOutput(ref node, DetectionPostProcessCommon.DetectionScoresTensor);
            Boxes = (float*)boxes.Data;
            Classes = (float*)classes.Data;
            Scores = (float*)scores.Data;
            NumDetections = (float*)context.GetOutput(ref node, DetectionPostProcessCommon.NumDetectionsTensor).Data;
            int capacity = boxes.ElementCount / 4;
            if (classes.ElementCount < capacity) capacity = classes.ElementCount;
            if (scores.ElementCount < capacity) capacity = scores.ElementCount;
            Capacity = capacity;
        }

        public readonly float* Boxes;
        public readonly float* Classes;
        public readonly float* Scores;
        public readonly float* NumDetections;
        /// <summary>Detections the three per-detection outputs can hold.</summary>
        public readonly int Capacity;

        public void Write(int slot, float* box, float classIndex, float score)
        {
            if (slot >= Capacity) return;
            float* target = Boxes + 4 * slot;
            target[0] = box[0];
            target[1] = box[1];
            target[2] = box[2];
            target[3] = box[3];
            Classes[slot] = classIndex;
            Scores[slot] = score;
        }
    }

    private static void RegularNms(DetectionPostProcessOpData* data, byte* scratch, float* scores, in Outputs outputs)
    {
        float* decoded = (float*)(scratch + data->DecodedBoxesOffset);
        float* classScores = (float*)(scratch + data->ClassScoresOffset);
        int* candidateIndices = (int*)(scratch + data->CandidateIndicesOffset);
        float* candidateScores = (float*)(scratch + data->CandidateScoresOffset);
        int* sortedIndices = (int*)(scratch + data->SortedIndicesOffset);
        float* sortedValues = (float*)(scratch + data->SortedValuesOffset);
        int* selected = (int*)(scratch + data->SelectedOffset);
        int numBoxes = data->NumBoxes;
        int stride = data->NumClassesWithBackground;
        int labelOffset = stride - data->NumClasses;
        int maxDetections = data->MaxDetections;

        int kept = 0;
        for (int column = 0; column < data->NumClasses; column++)
        {
            for (int row = 0; row < numBoxes; row++) classScores[row] = scores[row * stride + column + labelOffset];
            int selectedCount = DetectionPostProcessMath.NonMaxSuppressionSingleClass(decoded, classScores, numBoxes,
                data->ScoreThreshold, data->IouThreshold, data->DetectionsPerClass, selected,
                (float*)(scratch + data->KeepScoresOffset), (int*)(scratch + data->KeepIndicesOffset), sortedIndices,
                scratch + data->ActiveOffset);
            // Append this class's detections to the best ones so far, then keep the top max_detections.
            int count = kept;
            for (int i = 0; i < selectedCount; i++)
            {
                candidateIndices[count] = selected[i] * stride + column + labelOffset;
                candidateScores[count] = classScores[selected[i]];
                count++;
            }
            int keep = count < maxDetections ? count : maxDetections;
            DetectionPostProcessSort.PartialDecreasing(candidateScores, count, keep, sortedIndices);
            for (int row = 0; row < keep; row++)
            {
                int source = sortedIndices[row];
                sortedIndices[row] = candidateIndices[source];
                sortedValues[row] = candidateScores[source];
            }
            for (int row = 0; row < keep; row++)
            {
                candidateIndices[row] = sortedIndices[row];
                candidateScores[row] = sortedValues[row];
            }
            kept = keep;
        }

        float* zeros = stackalloc float[4] { 0f, 0f, 0f, 0f };
        for (int slot = 0; slot < maxDetections; slot++)
        {
            if (slot < kept)
            {
                int anchor = candidateIndices[slot] / stride;
                int classIndex = candidateIndices[slot] - anchor * stride - labelOffset;
                outputs.Write(slot, decoded + 4 * anchor, classIndex, candidateScores[slot]);
            }
            else
            {
                outputs.Write(slot, zeros, 0f, 0f);
            }
        }
        outputs.NumDetections[0] = kept;
    }

    private static void FastNms(DetectionPostProcessOpData* data, byte* scratch, float* scores, in Outputs outputs)
    {
        float* decoded = (float*)(scratch + data->DecodedBoxesOffset);
        float* maxScores = (float*)(scratch + data->ClassScoresOffset);
        int* classOrder = (int*)(scratch + data->ClassOrderOffset);
        int* selected = (int*)(scratch + data->SelectedOffset);
        int numBoxes = data->NumBoxes;
        int numClasses = data->NumClasses;
        int stride = data->NumClassesWithBackground;
        int labelOffset = stride - numClasses;
        int categories = data->MaxClassesPerDetection < numClasses ? data->MaxClassesPerDetection : numClasses;

        for (int row = 0; row < numBoxes; row++)
        {
            float* boxScores = scores + row * stride + labelOffset;
            int* order = classOrder + row * numClasses;
            DetectionPostProcessSort.PartialDecreasing(boxScores, numClasses, categories, order);
            maxScores[row] = boxScores[order[0]];
        }
        int selectedCount = DetectionPostProcessMath.NonMaxSuppressionSingleClass(decoded, maxScores, numBoxes,
            data->ScoreThreshold, data->IouThreshold, data->MaxDetections, selected,
            (float*)(scratch + data->KeepScoresOffset), (int*)(scratch + data->KeepIndicesOffset),
            (int*)(scratch + data->SortedIndicesOffset), scratch + data->ActiveOffset);

        int written = 0;
        for (int i = 0; i < selectedCount; i++)
        {
            int box = selected[i];
            float* boxScores = scores + box * stride + labelOffset;
            int* order = classOrder + box * numClasses;
            for (int column = 0; column < categories; column++)
            {
                // TFLM's slot: its counter advances per class, not per box (identical when categories == 1).
                outputs.Write(categories * written + column, decoded + 4 * box, order[column], boxScores[order[column]]);
                written++;
            }
        }
        outputs.NumDetections[0] = written;
    }
}

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// The arithmetic of TFLM's TFLite_Detection_PostProcess (kernels/detection_postprocess.cc): box decoding
/// against anchors (in double, as TFLM), intersection over union and single-class non-max suppression, all in
/// the same operation order. Boxes are (ymin, xmin, ymax, xmax) float quadruples; anchors and encodings are
/// (y, x, h, w).
/// </summary>
public static unsafe class DetectionPostProcessMath
{
    /// <summary>
    /// Decodes <paramref name="numBoxes"/> center-size encodings (each <paramref name="stride"/> floats, the first
    /// four used) into corner boxes: center = encoding / scale · anchor size + anchor center and half size =
    /// 0.5 · exp(encoding / scale) · anchor size, each computed in double and rounded to float.
    /// </summary>
    public static void DecodeBoxes(float* encodings, int stride, float* anchors, int numBoxes,
        float yScale, float xScale, float hScale, float wScale, float* decoded)
    {
        SoftDouble half = SoftDouble.One.LdExp(-1);
        SoftDouble ys = SoftDouble.FromFloat(yScale);
        SoftDouble xs = SoftDouble.FromFloat(xScale);
        SoftDouble hs = SoftDouble.FromFloat(hScale);
        SoftDouble ws = SoftDouble.FromFloat(wScale);
        for (int i = 0; i < numBoxes; i++)
        {
            float* box = encodings + i * stride;
            float* anchor = anchors + 4 * i;
            SoftDouble anchorY = SoftDouble.FromFloat(anchor[0]);
            SoftDouble anchorX = SoftDouble.FromFloat(anchor[1]);
            SoftDouble anchorH = SoftDouble.FromFloat(anchor[2]);
            SoftDouble anchorW = SoftDouble.FromFloat(anchor[3]);
            float yCenter = (SoftDouble.FromFloat(box[0]) / ys * anchorH + anchorY).ToFloat();
            float xCenter = (SoftDouble.FromFloat(box[1]) / xs * anchorW + anchorX).ToFloat();
            float halfH = (half * DetectionPostProcessExp.Exp(SoftDouble.FromFloat(box[2]) / hs) * anchorH).ToFloat();
            float halfW = (half * DetectionPostProcessExp.Exp(SoftDouble.FromFloat(box[3]) / ws) * anchorW).ToFloat();
            float* corner = decoded + 4 * i;
            corner[0] = yCenter - halfH;
            corner[1] = xCenter - halfW;
            corner[2] = yCenter + halfH;
            corner[3] = xCenter + halfW;
        }
    }

    /// <summary>Index of the first box with ymin ≥ ymax or xmin ≥ xmax (NaN passes, as in TFLM), or -1.</summary>
    public static int FirstInvalidBox(float* decoded, int numBoxes)
    {
        for (int i = 0; i < numBoxes; i++)
        {
            float* box = decoded + 4 * i;
            if (box[0] >= box[2] || box[1] >= box[3]) return i;
        }
        return -1;
    }

    /// <summary>TFLM's <c>ComputeIntersectionOverUnion</c> in float; 0 when either box has no area.</summary>
    public static float IntersectionOverUnion(float* decoded, int i, int j)
    {
        float* a = decoded + 4 * i;
        float* b = decoded + 4 * j;
        float areaA = (a[2] - a[0]) * (a[3] - a[1]);
        float areaB = (b[2] - b[0]) * (b[3] - b[1]);
        if (areaA <= 0 || areaB <= 0) return 0f;
        float intersectionYMin = Max(a[0], b[0]);
        float intersectionXMin = Max(a[1], b[1]);
        float intersectionYMax = Min(a[2], b[2]);
        float intersectionXMax = Min(a[3], b[3]);
        float intersection = Max(intersectionYMax - intersectionYMin, 0f) * Max(intersectionXMax - intersectionXMin, 0f);
        return intersection / (areaA + areaB - intersection);
    }

    // std::max / std::min: the first argument unless the second is strictly larger / smaller.
    private static float Max(float a, float b) => a < b ? b : a;

    private static float Min(float a, float b) => b < a ? b : a;

    /// <summary>
    /// TFLM's <c>NonMaxSuppressionSingleClassHelper</c> after its checks: keeps the boxes scoring at least
    /// <paramref name="scoreThreshold"/>, visits them by decreasing score (stable), selects each still-active box
    /// and deactivates later ones overlapping it by more than <paramref name="iouThreshold"/>. Writes up to
    /// <paramref name="maxDetections"/> box indices to <paramref name="selected"/> and returns their count.
    /// Work arrays: keepScores, keepIndices, sortedIndices (numBoxes each), active (numBoxes bytes).
    /// </summary>
    public static int NonMaxSuppressionSingleClass(float* decoded, float* scores, int numBoxes, float scoreThreshold,
        float iouThreshold, int maxDetections, int* selected, float* keepScores, int* keepIndices, int* sortedIndices, byte* active)
    {
        int kept = 0;
        for (int i = 0; i < numBoxes; i++)
        {
            if (scores[i] >= scoreThreshold)
            {
                keepScores[kept] = scores[i];
                keepIndices[kept] = i;
                kept++;
            }
        }
        // keepIndices doubles as the sort's scratch, then is rebuilt (as TFLM does).
        DetectionPostProcessSort.StableDecreasing(keepScores, kept, sortedIndices, keepIndices);
        int counter = 0;
        for (int i = 0; i < numBoxes; i++)
        {
            if (scores[i] >= scoreThreshold) keepIndices[counter++] = i;
        }

        int outputSize = kept < maxDetections ? kept : maxDetections;
        int selectedCount = 0;
        int activeCount = kept;
        for (int i = 0; i < kept; i++) active[i] = 1;
        for (int i = 0; i < kept; i++)
        {
            if (activeCount == 0 || selectedCount >= outputSize) break;
            if (active[i] != 1) continue;
            int boxI = keepIndices[sortedIndices[i]];
            selected[selectedCount++] = boxI;
            active[i] = 0;
            activeCount--;
            for (int j = i + 1; j < kept; j++)
            {
                if (active[j] != 1) continue;
                if (IntersectionOverUnion(decoded, boxI, keepIndices[sortedIndices[j]]) > iouThreshold)
                {
                    active[j] = 0;
                    activeCount--;
                }
            }
        }
        return selectedCount;
    }
}

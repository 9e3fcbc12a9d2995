using System;
using System.Collections.Generic;
using System.Linq;

namespace TfLiteMicro.Kernels.Tests.DetectionPostProcess;

/// <summary>
/// A plain host-side model of TFLM's TFLite_Detection_PostProcess written from its documented algorithm (decoding
/// in double with the C library's exp, float IoU, stable score ordering, regular and fast NMS), used to check the
/// kernel on cases too large to derive by hand.
/// </summary>
internal static class DetectionPostProcessModel
{
    public sealed class Result
    {
        public Result(int slots, float fill)
        {
            Boxes = Enumerable.Repeat(fill, 4 * slots).ToArray();
            Classes = Enumerable.Repeat(fill, slots).ToArray();
            Scores = Enumerable.Repeat(fill, slots).ToArray();
        }

        public float[] Boxes { get; }
        public float[] Classes { get; }
        public float[] Scores { get; }
        public float NumDetections { get; set; }
    }

    public static float[] Decode(float[] encodings, int stride, float[] anchors, float ys, float xs, float hs, float ws)
    {
        int n = anchors.Length / 4;
        float[] boxes = new float[4 * n];
        for (int i = 0; i < n; i++)
        {
            double y = encodings[i * stride], x = encodings[i * stride + 1], h = encodings[i * stride + 2], w = encodings[i * stride + 3];
            double ay = anchors[4 * i], ax = anchors[4 * i + 1], ah = anchors[4 * i + 2], aw = anchors[4 * i + 3];
            float yc = (float)(y / ys * ah + ay);
            float xc = (float)(x / xs * aw + ax);
            float hh = (float)(0.5 * Math.Exp(h / hs) * ah);
            float hw = (float)(0.5 * Math.Exp(w / ws) * aw);
            boxes[4 * i] = yc - hh;
            boxes[4 * i + 1] = xc - hw;
            boxes[4 * i + 2] = yc + hh;
            boxes[4 * i + 3] = xc + hw;
        }
        return boxes;
    }

    private static float Iou(float[] b, int i, int j)
    {
        float areaI = (b[4 * i + 2] - b[4 * i]) * (b[4 * i + 3] - b[4 * i + 1]);
        float areaJ = (b[4 * j + 2] - b[4 * j]) * (b[4 * j + 3] - b[4 * j + 1]);
        if (areaI <= 0 || areaJ <= 0) return 0f;
        float ymin = Math.Max(b[4 * i], b[4 * j]), xmin = Math.Max(b[4 * i + 1], b[4 * j + 1]);
        float ymax = Math.Min(b[4 * i + 2], b[4 * j + 2]), xmax = Math.Min(b[4 * i + 3], b[4 * j + 3]);
        float inter = Math.Max(ymax - ymin, 0f) * Math.Max(xmax - xmin, 0f);
        return inter / (areaI + areaJ - inter);
    }

    public static List<int> Nms(float[] boxes, float[] scores, float scoreThreshold, float iouThreshold, int maxDetections)
    {
        // OrderByDescending is a stable sort: equal scores keep increasing box order.
        List<int> candidates = Enumerable.Range(0, scores.Length).Where(i => scores[i] >= scoreThreshold)
            .OrderByDescending(i => scores[i]).ToList();
        var selected = new List<int>();
        var suppressed = new bool[candidates.Count];
        for (int a = 0; a < candidates.Count && selected.Count < maxDetections; a++)
        {
            if (suppressed[a]) continue;
            selected.Add(candidates[a]);
            for (int b = a + 1; b < candidates.Count; b++)
            {
                if (!suppressed[b] && Iou(boxes, candidates[a], candidates[b]) > iouThreshold) suppressed[b] = true;
            }
        }
        return selected;
    }

    private static IEnumerable<int> ByScoreThenIndex(float[] values, IEnumerable<int> indices) =>
        indices.OrderByDescending(i => values[i]).ThenBy(i => i);

    public static Result Regular(float[] boxes, float[] scores, int numClasses, int stride, DetectionPostProcessOptions o, int slots)
    {
        int n = boxes.Length / 4;
        int offset = stride - numClasses;
        var best = new List<(int Flat, float Score)>();
        for (int c = 0; c < numClasses; c++)
        {
            float[] classScores = Enumerable.Range(0, n).Select(r => scores[r * stride + c + offset]).ToArray();
            foreach (int box in Nms(boxes, classScores, o.ScoreThreshold, o.IouThreshold, o.DetectionsPerClass ?? 100))
                best.Add((box * stride + c + offset, classScores[box]));
            float[] values = best.Select(b => b.Score).ToArray();
            best = ByScoreThenIndex(values, Enumerable.Range(0, best.Count)).Take(o.MaxDetections).Select(i => best[i]).ToList();
        }
        var result = new Result(slots, float.NaN);
        for (int s = 0; s < o.MaxDetections; s++)
        {
            if (s < best.Count)
            {
                int anchor = best[s].Flat / stride;
                Array.Copy(boxes, 4 * anchor, result.Boxes, 4 * s, 4);
                result.Classes[s] = best[s].Flat - anchor * stride - offset;
                result.Scores[s] = best[s].Score;
            }
            else
            {
                Array.Clear(result.Boxes, 4 * s, 4);
                result.Classes[s] = 0;
                result.Scores[s] = 0;
            }
        }
        result.NumDetections = best.Count;
        return result;
    }

    public static Result Fast(float[] boxes, float[] scores, int numClasses, int stride, DetectionPostProcessOptions o, int slots, float fill)
    {
        int n = boxes.Length / 4;
        int offset = stride - numClasses;
        int categories = Math.Min(o.MaxClassesPerDetection, numClasses);
        var order = new int[n][];
        float[] maxScores = new float[n];
        for (int r = 0; r < n; r++)
        {
            float[] row = Enumerable.Range(0, numClasses).Select(c => scores[r * stride + c + offset]).ToArray();
            order[r] = ByScoreThenIndex(row, Enumerable.Range(0, numClasses)).ToArray();
            maxScores[r] = row[order[r][0]];
        }
        var result = new Result(slots, fill);
        int written = 0;
        foreach (int box in Nms(boxes, maxScores, o.ScoreThreshold, o.IouThreshold, o.MaxDetections))
        {
            for (int c = 0; c < categories; c++)
            {
                // TFLM's slot numbering: categories * (entries written so far) + column.
                int slot = categories * written + c;
                written++;
                if (slot >= slots) continue;
                Array.Copy(boxes, 4 * box, result.Boxes, 4 * slot, 4);
                result.Classes[slot] = order[box][c];
                result.Scores[slot] = scores[box * stride + order[box][c] + offset];
            }
        }
        result.NumDetections = written;
        return result;
    }
}

using System;
using System.Collections.Generic;
using System.Text;

namespace TfLiteMicro.Kernels.Tests.DetectionPostProcess;

/// <summary>
/// Writes TFLite_Detection_PostProcess options the way TensorFlow's converter does: a FlexBuffer map with sorted
/// keys and 4-byte slots holding INT, FLOAT (float32) and BOOL values.
/// </summary>
internal sealed class DetectionPostProcessOptions
{
    private readonly List<(string Key, byte Type, uint Bits)> entries = new List<(string, byte, uint)>();

    public int MaxDetections { get; set; } = 3;
    public int MaxClassesPerDetection { get; set; } = 1;
    public int? DetectionsPerClass { get; set; } = 1;
    public bool? UseRegularNms { get; set; }
    public float ScoreThreshold { get; set; }
    public float IouThreshold { get; set; } = 0.5f;
    public int NumClasses { get; set; } = 2;
    public float YScale { get; set; } = 10f;
    public float XScale { get; set; } = 10f;
    public float HScale { get; set; } = 5f;
    public float WScale { get; set; } = 5f;

    public byte[] ToBytes()
    {
        entries.Clear();
        Int("max_detections", MaxDetections);
        Int("max_classes_per_detection", MaxClassesPerDetection);
        if (DetectionsPerClass.HasValue) Int("detections_per_class", DetectionsPerClass.Value);
        if (UseRegularNms.HasValue) entries.Add(("use_regular_nms", 26, UseRegularNms.Value ? 1u : 0u));
        Float("nms_score_threshold", ScoreThreshold);
        Float("nms_iou_threshold", IouThreshold);
        Int("num_classes", NumClasses);
        Float("y_scale", YScale);
        Float("x_scale", XScale);
        Float("h_scale", HScale);
        Float("w_scale", WScale);
        return Build();
    }

    private void Int(string key, int value) => entries.Add((key, 1, (uint)value));

    private void Float(string key, float value) => entries.Add((key, 3, BitConverter.SingleToUInt32Bits(value)));

    private byte[] Build()
    {
        const int width = 4;
        var sorted = new List<(string Key, byte Type, uint Bits)>(entries);
        sorted.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        var bytes = new List<byte>();
        var keyPositions = new List<int>();
        foreach (var entry in sorted)
        {
            keyPositions.Add(bytes.Count);
            bytes.AddRange(Encoding.ASCII.GetBytes(entry.Key));
            bytes.Add(0);
        }
        while (bytes.Count % width != 0) bytes.Add(0);
        Put(bytes, (uint)sorted.Count);
        int keysStart = bytes.Count;
        foreach (int position in keyPositions) Put(bytes, (uint)(bytes.Count - position));
        Put(bytes, (uint)(bytes.Count - keysStart));
        Put(bytes, width);
        Put(bytes, (uint)sorted.Count);
        int mapStart = bytes.Count;
        foreach (var entry in sorted) Put(bytes, entry.Bits);
        foreach (var entry in sorted) bytes.Add((byte)((entry.Type << 2) | 2));
        Put(bytes, (uint)(bytes.Count - mapStart));
        bytes.Add((9 << 2) | 2);
        bytes.Add(width);
        return bytes.ToArray();
    }

    private static void Put(List<byte> bytes, uint value)
    {
        for (int i = 0; i < 4; i++) bytes.Add((byte)(value >> (8 * i)));
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using TfLiteMicro.Testing;

namespace TfLiteMicro.Kernels.Tests.Signal;

/// <summary>Helpers for the Signal (audio front end) kernel tests: kernels by custom name, options, traces.</summary>
internal static class SignalTestSupport
{
    public const string Int8Preprocessor = "micro_speech_audio_preprocessor_int8";

    /// <summary>The kernel registered under a custom op name, as the resolver would hand it to the interpreter.</summary>
    public static OpKernel Kernel(string implementation, string customName) => TestKernelSets.CustomKernel(implementation, customName);

    /// <summary>
    /// Custom options as TensorFlow writes them: a FlexBuffer map (keys sorted) of integers, every slot
    /// <paramref name="width"/> bytes wide; bools are written as BOOL values.
    /// </summary>
    public static byte[] Options(params (string Key, long Value)[] entries) => Options(4, entries);

    public static byte[] Options(int width, params (string Key, long Value)[] entries)
    {
        var sorted = new List<(string Key, long Value)>(entries);
        sorted.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        var bytes = new List<byte>();
        var keyPositions = new List<int>();
        foreach (var entry in sorted)
        {
            keyPositions.Add(bytes.Count);
            bytes.AddRange(Encoding.ASCII.GetBytes(entry.Key));
            bytes.Add(0);
        }
        Align(bytes, width);
        Put(bytes, sorted.Count, width);
        int keysStart = bytes.Count;
        foreach (int position in keyPositions) Put(bytes, bytes.Count - position, width);
        Align(bytes, width);
        Put(bytes, bytes.Count - keysStart, width);
        Put(bytes, width, width);
        Put(bytes, sorted.Count, width);
        int mapStart = bytes.Count;
        foreach (var entry in sorted) Put(bytes, entry.Value, width);
        // INT with the slot's width (type 1 in the upper six bits).
        int log2 = width == 1 ? 0 : width == 2 ? 1 : width == 4 ? 2 : 3;
        foreach (var _ in sorted) bytes.Add((byte)((1 << 2) | log2));
        Put(bytes, bytes.Count - mapStart, width);
        bytes.Add((byte)((9 << 2) | log2));
        bytes.Add((byte)width);
        return bytes.ToArray();
    }

    private static void Align(List<byte> bytes, int width)
    {
        while (bytes.Count % width != 0) bytes.Add(0);
    }

    private static void Put(List<byte> bytes, long value, int width)
    {
        for (int i = 0; i < width; i++) bytes.Add((byte)(value >> (8 * i)));
    }

    /// <summary>The data of a .npy file of the shared TFLM trace of <paramref name="model"/> (case 0).</summary>
    public static T[] Trace<T>(string model, string file) where T : unmanaged
    {
        string path = file.Contains('/') ? TestData.Models.File(model, file) : TestData.TraceFile(model, file);
        byte[] raw = File.ReadAllBytes(path);
        int headerLength = raw[6] == 1 ? BitConverter.ToUInt16(raw, 8) + 10 : BitConverter.ToInt32(raw, 8) + 12;
        return MemoryMarshal.Cast<byte, T>(raw.AsSpan(headerLength)).ToArray();
    }

    public static TestTensor Tensor<T>(TensorType type, int[] shape, T[]? data, bool isConstant = false) where T : unmanaged =>
        new TestTensor(type, shape, data == null ? null : TfLiteModelBuilder.Bytes(data), isConstant: isConstant);
}

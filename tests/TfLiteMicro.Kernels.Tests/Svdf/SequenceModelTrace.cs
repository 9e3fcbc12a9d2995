using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Svdf;

/// <summary>
/// Runs case 0 of a shared model and compares, op by op, the outputs with TFLM's trace0 (the .npy dumps made by
/// the real TFLM). Operators the reference kernels do not register yet (owned by other groups) are replaced by a
/// do-nothing stub, and only the ops that run before the first stub are compared, so this checks the sequence
/// kernels on real models before the whole model is runnable.
/// </summary>
internal static unsafe class SequenceModelTrace
{
    private sealed class StubKernel : OpKernel
    {
        public static readonly StubKernel Instance = new StubKernel();
        public override Status Prepare(KernelContext context, ref Node node) => Status.Ok;
        public override Status Invoke(KernelContext context, ref Node node) => Status.Ok;
    }

    /// <summary>Returns how many traced op outputs were compared; asserts each one matches.</summary>
    public static int CompareWithTflm(string modelId, string opToCheck)
    {
        string folder = TestData.ModelFolder(modelId);
        string trace = TestData.Models.TraceFolder(modelId) ?? throw new System.IO.DirectoryNotFoundException("no trace0 for " + modelId);
        string[] rows = File.ReadAllLines(Path.Combine(trace, "index.tsv"));
        var resolver = new OpResolver();
        Assert.Equal(Status.Ok, ReferenceKernels.AddAll(resolver));
        var stubbed = new HashSet<string>();
        using LoadedModel model = LoadedModel.Shared(modelId);
        for (int i = 0; i < model.Model.OperatorCodeCount; i++)
        {
            BuiltinOperator code = model.Model.GetOperatorCode(i).BuiltinCode;
            if (code == BuiltinOperator.CUSTOM || resolver.Contains(code)) continue;
            Assert.Equal(Status.Ok, resolver.AddBuiltin(code, StubKernel.Instance));
            stubbed.Add(BuiltinOperators.NameText(code));
        }

        const int arenaBytes = 4 * 1024 * 1024;
        byte* arena = (byte*)System.Runtime.InteropServices.NativeMemory.AlignedAlloc(arenaBytes, 16);
        try
        {
            var interpreter = new MicroInterpreter(model.Model, resolver, arena, arenaBytes, new InterpreterOptions { PreserveAllTensors = true });
            Assert.True(interpreter.AllocateTensors() == Status.Ok, interpreter.Errors.MessageText);
            for (int i = 0; i < interpreter.InputCount; i++)
            {
                byte[] input = NpyData(Path.Combine(folder, "case0_in" + i + ".npy"));
                input.CopyTo(interpreter.Input(i).DataBytes);
            }
            Assert.True(interpreter.Invoke() == Status.Ok, interpreter.Errors.MessageText);

            int compared = 0;
            int checkedOps = 0;
            for (int r = 1; r < rows.Length; r++)
            {
                string[] columns = rows[r].Split('\t');
                string op = columns[1];
                if (stubbed.Contains(op)) break;
                int tensorIndex = int.Parse(columns[3].Substring("tensor=".Length));
                string file = "op" + int.Parse(columns[0]).ToString("D3") + "_" + op + "_" + columns[2] + ".npy";
                byte[] expected = NpyData(Path.Combine(trace, file));
                TensorInfo tensor = interpreter.GetTensor(tensorIndex);
                byte[] actual = tensor.DataBytes.ToArray();
                Assert.Equal(expected.Length, actual.Length);
                if (tensor.Type == TensorType.Float32) AssertFloatsClose(expected, actual, file);
                else Assert.True(expected.AsSpan().SequenceEqual(actual), file + " differs from TFLM: " + FirstDifference(expected, actual, tensor.Type));
                compared++;
                if (op == opToCheck) checkedOps++;
            }
            Assert.True(checkedOps > 0, "no " + opToCheck + " output of " + modelId + " was compared");
            return compared;
        }
        finally
        {
            System.Runtime.InteropServices.NativeMemory.AlignedFree(arena);
        }
    }

    private static void AssertFloatsClose(byte[] expected, byte[] actual, string file)
    {
        ReadOnlySpan<float> e = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(expected);
        ReadOnlySpan<float> a = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(actual);
        for (int i = 0; i < e.Length; i++)
        {
            Assert.True(MathF.Abs(e[i] - a[i]) <= 1e-5f + 1e-5f * MathF.Abs(e[i]),
                file + " element " + i + ": expected " + e[i] + ", got " + a[i]);
        }
    }

    private static string FirstDifference(byte[] expected, byte[] actual, TensorType type)
    {
        int size = type == TensorType.Int16 ? 2 : type == TensorType.Int32 ? 4 : 1;
        for (int i = 0; i < expected.Length; i += size)
        {
            long e = Read(expected, i, size), a = Read(actual, i, size);
            if (e != a) return "element " + (i / size) + ": expected " + e + ", got " + a;
        }
        return "";
    }

    private static long Read(byte[] bytes, int offset, int size) => size switch
    {
        2 => BitConverter.ToInt16(bytes, offset),
        4 => BitConverter.ToInt32(bytes, offset),
        _ => (sbyte)bytes[offset],
    };

    /// <summary>The data bytes of a little-endian, C-order .npy file (version 1 or 2 header).</summary>
    public static byte[] NpyData(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 10 && bytes[0] == 0x93 && Encoding.ASCII.GetString(bytes, 1, 5) == "NUMPY", path + " is not a .npy file");
        int headerLength;
        int start;
        if (bytes[6] == 1) { headerLength = BitConverter.ToUInt16(bytes, 8); start = 10; }
        else { headerLength = BitConverter.ToInt32(bytes, 8); start = 12; }
        int dataStart = start + headerLength;
        return bytes.AsSpan(dataStart).ToArray();
    }
}

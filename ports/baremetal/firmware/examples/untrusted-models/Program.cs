using System;
using System.Runtime.InteropServices;
using TfLiteMicro.BareMetal;
using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Schema;

namespace TfLiteMicro.Firmware.UntrustedModels;

/// <summary>
/// Runs every embedded <c>untrustedK.tflite</c> (K = 0, 1, ...) the way an application would — verify and load,
/// AllocateTensors, fill the inputs, Invoke — and prints one line per model:
/// <code>
/// untrusted K load|allocate|invoke: MESSAGE      (the Status's message)
/// untrusted K ran
/// untrusted-models: N models, no fault
/// </code>
/// A fault ends QEMU with a non-zero status before the last line.
/// </summary>
public static unsafe class Program
{
    [UnmanagedCallersOnly(EntryPoint = "tflm_main")]
    public static int Run()
    {
        OpResolver resolver = new OpResolver();
        if (ReferenceKernels.AddAll(resolver) != Status.Ok)
        {
            DeviceConsole.WriteLine("cannot register the kernels"u8);
            return 1;
        }
        ErrorReporter errors = new ErrorReporter();
        Span<byte> nameBuffer = stackalloc byte[32];
        int count = 0;
        while (true)
        {
            FileName file = new FileName(nameBuffer).Append("untrusted"u8).Append(count).Append(".tflite"u8);
            if (!EmbeddedFile.TryGet(file.Text, out byte* data, out int length)) break;
            DeviceConsole.Write("untrusted "u8);
            DeviceConsole.Write(count);
            RunOne(data, length, resolver, errors);
            count++;
        }
        DeviceConsole.Write("untrusted-models: "u8);
        DeviceConsole.Write(count);
        DeviceConsole.WriteLine(" models, no fault"u8);
        return 0;
    }

    private static void RunOne(byte* data, int length, OpResolver resolver, ErrorReporter errors)
    {
        if (Model.TryCreate(data, length, errors, out Model model) != Status.Ok)
        {
            Report("load"u8, errors.Message);
            return;
        }
        byte* arena = DeviceArena.Get(out int arenaSize);
        MicroInterpreter interpreter = new MicroInterpreter(model, resolver, arena, arenaSize);
        if (interpreter.AllocateTensors() != Status.Ok)
        {
            Report("allocate"u8, interpreter.Errors.Message);
            return;
        }
        // The same contents as the host test: every byte 1, in the inputs and in every other tensor without constant
        // data (a broken model may read a tensor nothing writes; its bytes would otherwise be whatever planning left).
        for (int t = 0; t < model.GetSubgraph(0).TensorCount; t++)
        {
            TensorInfo tensor = interpreter.GetTensor(t);
            if (!tensor.IsConstant) tensor.DataBytes.Fill(1);
        }
        if (interpreter.Invoke() != Status.Ok)
        {
            Report("invoke"u8, interpreter.Errors.Message);
            return;
        }
        DeviceConsole.WriteLine(" ran"u8);
    }

    private static void Report(ReadOnlySpan<byte> phase, ReadOnlySpan<byte> message)
    {
        DeviceConsole.Write(" "u8);
        DeviceConsole.Write(phase);
        DeviceConsole.Write(": "u8);
        DeviceConsole.WriteLine(message);
    }
}

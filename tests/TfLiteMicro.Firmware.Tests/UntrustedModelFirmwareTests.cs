using System;
using System.Collections.Generic;
using System.IO;
using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Memory;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Firmware.Tests;

/// <summary>
/// The guarantee of docs/fuzzing.md on the device: mutated models that once crashed, hung or threw on the host
/// (from tests/fuzz-corpus), embedded in a Cortex-M4F image with every reference kernel
/// (ports/baremetal/firmware/examples/untrusted-models), end with the same Status message the host gives — or run —
/// and never fault. The image is built once.
/// </summary>
[Collection(FirmwareCollection.Name)]
public sealed unsafe class UntrustedModelFirmwareTests
{
    private const string Board = "mps2-an386";
    private const int ArenaBytes = 262144;

    /// <summary>The embedded files, in the order of UntrustedModels.csproj (untrusted0 ... untrusted9).</summary>
    private static readonly string[] Corpus =
    {
        "crash-ResetVariableTensors-s1-516.tflite",
        "crash-AddNMath.AddNFloat-s1-127501.tflite",
        "crash-FullyConnectedMath.EvalInt8-s1-17939.tflite",
        "exception-ReduceMath.Reduce-s1-19887.tflite",
        "exception-DepthToSpace.Prepare-s1-10822.tflite",
        "exception-Conv2DMath.EvalFloat-stride-s1-35282.tflite",
        "exception-BatchToSpaceNDMath.BatchToSpace-s2-192.tflite",
        "exception-ResizeBilinearMath.EvalInt8-s2-116887.tflite",
        "hang-While-s1-8674.tflite",
        "exception-outputs-UInt4-size-s3-27543.tflite",
    };

    [FirmwareFact]
    public void MutatedModelsEndWithErrorMessages()
    {
        string elf = FirmwareImages.Build(Board, "untrusted-models");
        ProcessResult run = FirmwareImages.Run(Board, elf);
        Assert.True(run.ExitCode == 0, "untrusted-models faulted or failed on " + Board + ":\n" + run);
        Assert.Contains("untrusted-models: " + Corpus.Length + " models, no fault", run.Output);

        var printed = new Dictionary<int, string>();
        foreach (string line in run.Output.Split('\n'))
        {
            string trimmed = line.TrimEnd('\r');
            if (!trimmed.StartsWith("untrusted ", StringComparison.Ordinal)) continue;
            string[] parts = trimmed.Split(' ', 3);
            printed[int.Parse(parts[1])] = parts[2];
        }
        int refused = 0;
        for (int k = 0; k < Corpus.Length; k++)
        {
            string host = OnHost(File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "tests", "fuzz-corpus", Corpus[k])));
            Assert.True(printed.TryGetValue(k, out string? device), "untrusted " + k + " (" + Corpus[k] + ") not printed:\n" + run.Output);
            Assert.Equal(host, device);
            if (device != "ran") refused++;
        }
        Assert.True(refused >= Corpus.Length / 2, "most of these models must be refused:\n" + run.Output);
    }

    /// <summary>What the firmware prints for a model, computed on the host with the same steps and inputs.</summary>
    private static string OnHost(byte[] bytes)
    {
        using var buffer = new ModelBuffer(bytes);
        var errors = new ErrorReporter();
        if (buffer.TryLoadModel(errors, out Model model) != Status.Ok) return "load: " + errors.MessageText;
        var resolver = new OpResolver();
        Assert.Equal(Status.Ok, ReferenceKernels.AddAll(resolver));
        using var arena = new NativeArena(ArenaBytes);
        var interpreter = new MicroInterpreter(model, resolver, arena.Pointer, arena.Size);
        if (interpreter.AllocateTensors() != Status.Ok) return "allocate: " + interpreter.Errors.MessageText;
        for (int t = 0; t < model.GetSubgraph(0).TensorCount; t++)
        {
            TensorInfo tensor = interpreter.GetTensor(t);
            if (!tensor.IsConstant) tensor.DataBytes.Fill(1);
        }
        if (interpreter.Invoke() != Status.Ok) return "invoke: " + interpreter.Errors.MessageText;
        return "ran";
    }
}

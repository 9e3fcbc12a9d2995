using System.Collections.Generic;
using System.Globalization;
using System.IO;
using TfLiteMicro.Tools.CommandLine;
using TfLiteMicro.Tools.Models;
using TfLiteMicro.Npy;
using TfLiteMicro.Tools.Running;

namespace TfLiteMicro.Tools.Commands;

/// <summary><c>tflm run MODEL --input IN.npy ... --output-dir DIR [--kernels NAME] [--arena BYTES] [--trace DIR]</c>.</summary>
public static class RunCommand
{
    private static readonly string[] Flags = [];
    private static readonly string[] Options = ["--input", "--output-dir", "--arena", "--trace", "--kernels"];

    public static int Run(IReadOnlyList<string> args, TextWriter stdout)
    {
        CommandLineArguments arguments = CommandLineArguments.Parse(args, Flags, Options);
        if (arguments.HelpRequested)
        {
            stdout.Write(HelpText.Run);
            return ExitCodes.Ok;
        }
        if (arguments.Positionals.Count != 1)
            throw new UsageException(arguments.Positionals.Count == 0 ? "missing MODEL" : "expected one MODEL, got " + arguments.Positionals.Count + " positional arguments");
        string modelPath = arguments.Positionals[0];
        IReadOnlyList<string> inputPaths = arguments.GetAll("--input");
        string outputDirectory = arguments.GetSingle("--output-dir") ?? throw new UsageException("missing --output-dir DIR");
        string? traceDirectory = arguments.GetSingle("--trace");
        string? arenaText = arguments.GetSingle("--arena");
        int arenaBytes = arenaText == null ? ModelRunner.DefaultArenaBytes : ParseArenaBytes(arenaText);
        string kernels = KernelSetOption.Parse(arguments.GetSingle("--kernels")).Name;

        // Read the inputs first: a bad .npy file is reported before the model is even loaded.
        var inputs = new List<NpyArray>(inputPaths.Count);
        foreach (string path in inputPaths) inputs.Add(NpyReader.ReadFile(path));

        using ModelRunner runner = ModelRunner.Open(modelPath, arenaBytes, preserveAllTensors: traceDirectory != null, kernels: kernels);
        runner.SetInputs(inputs);
        runner.Invoke();

        Directory.CreateDirectory(outputDirectory);
        IReadOnlyList<NpyArray> outputs = runner.ReadOutputs();
        for (int i = 0; i < outputs.Count; i++)
        {
            string path = Path.Combine(outputDirectory, "output" + i.ToString(CultureInfo.InvariantCulture) + ".npy");
            NpyWriter.WriteFile(path, outputs[i]);
            stdout.WriteLine("output " + i + ": " + outputs[i] + " -> " + path);
        }
        if (traceDirectory != null)
        {
            int traced = TraceWriter.Write(runner, traceDirectory);
            stdout.WriteLine("trace: " + traced + " tensors -> " + traceDirectory);
        }
        stdout.WriteLine("kernels: " + kernels);
        stdout.WriteLine("arena used: " + runner.ArenaUsedBytes + " bytes");
        return ExitCodes.Ok;
    }

    private static int ParseArenaBytes(string text)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int bytes) || bytes <= 0)
            throw new UsageException("--arena needs a positive number of bytes, got '" + text + "'");
        return bytes;
    }
}

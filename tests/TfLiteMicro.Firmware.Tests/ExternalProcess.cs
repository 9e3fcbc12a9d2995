using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace TfLiteMicro.Firmware.Tests;

/// <summary>Runs a program to completion (or a time limit), capturing stdout and stderr together.</summary>
public static class ExternalProcess
{
    public static ProcessResult Run(string program, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        ProcessStartInfo start = new(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        // A nested `dotnet build` must not inherit the test host's MSBuild settings.
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildExtensionsPath");

        StringBuilder output = new();
        using Process process = new() { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        bool finished = process.WaitForExit((int)timeout.TotalMilliseconds);
        if (!finished) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        lock (output) return new ProcessResult(finished ? process.ExitCode : -1, output.ToString(), !finished);
    }
}

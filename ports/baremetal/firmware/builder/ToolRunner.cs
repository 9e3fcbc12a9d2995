using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace TfLiteMicro.FirmwareBuilder;

/// <summary>Runs an external tool (ilc, gcc, objcopy), echoing the command line; a failure is a BuildException.</summary>
public static class ToolRunner
{
    public static void Run(string program, IEnumerable<string> arguments, bool echo = true)
    {
        ProcessStartInfo start = new(program) { UseShellExecute = false };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        if (echo) Console.WriteLine("> " + program + " " + string.Join(" ", start.ArgumentList));
        using Process process = Process.Start(start) ?? throw new BuildException($"cannot start {program}");
        process.WaitForExit();
        if (process.ExitCode != 0) throw new BuildException($"{program} failed with exit code {process.ExitCode}");
    }

    /// <summary>Runs a tool and returns what it printed on stdout.</summary>
    public static string Capture(string program, IEnumerable<string> arguments)
    {
        ProcessStartInfo start = new(program) { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using Process process = Process.Start(start) ?? throw new BuildException($"cannot start {program}");
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new BuildException($"{program} failed with exit code {process.ExitCode}");
        return output;
    }
}

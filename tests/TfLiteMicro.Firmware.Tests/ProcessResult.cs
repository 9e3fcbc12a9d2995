namespace TfLiteMicro.Firmware.Tests;

/// <summary>How an external program ended and what it printed.</summary>
public sealed record ProcessResult(int ExitCode, string Output, bool TimedOut)
{
    public override string ToString() => $"exit {ExitCode}{(TimedOut ? " (timed out)" : "")}\n{Output}";
}

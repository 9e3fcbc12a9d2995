namespace TfLiteMicro.Tools;

/// <summary>Process exit codes of <c>tflm</c>.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The model, the inputs or the runtime failed (malformed model, missing op, arena too small, bad input).</summary>
    public const int Failure = 1;

    /// <summary>The command line itself was wrong (unknown command or option, missing argument).</summary>
    public const int Usage = 2;
}

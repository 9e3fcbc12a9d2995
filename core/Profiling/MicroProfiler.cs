namespace TfLiteMicro.Profiling;

/// <summary>
/// Receives an event around every kernel Invoke (TFLM's MicroProfilerInterface). The tag names the operator (UTF-8 via <see cref="OperatorName.Utf8"/>). The
/// interpreter calls it on the hot path, so implementations must not allocate.
/// </summary>
public abstract class MicroProfiler
{
    /// <summary>Starts an event; the returned handle is passed to <see cref="EndEvent"/>.</summary>
    public abstract int BeginEvent(OperatorName tag);

    public abstract void EndEvent(int handle);
}

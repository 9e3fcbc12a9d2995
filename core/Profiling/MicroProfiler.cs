namespace TfLiteMicro.Profiling;

/// <summary>
/// Receives an event around every kernel Invoke (TFLM's MicroProfilerInterface). The tag is the op name. The
/// interpreter calls it on the hot path, so implementations must not allocate.
/// </summary>
public abstract class MicroProfiler
{
    /// <summary>Starts an event; the returned handle is passed to <see cref="EndEvent"/>.</summary>
    public abstract int BeginEvent(string tag);

    public abstract void EndEvent(int handle);
}

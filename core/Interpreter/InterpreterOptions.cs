using TfLiteMicro.Profiling;

namespace TfLiteMicro;

/// <summary>Optional settings of a <see cref="MicroInterpreter"/>.</summary>
public sealed class InterpreterOptions
{
    /// <summary>
    /// Keep every tensor in its own memory (linear planner) so <see cref="MicroInterpreter.GetTensor"/> can read
    /// intermediate results after Invoke; costs arena memory. TFLM's preserve_all_tensors.
    /// </summary>
    public bool PreserveAllTensors { get; set; }

    /// <summary>Receives an event around every kernel invocation.</summary>
    public MicroProfiler? Profiler { get; set; }
}

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

    /// <summary>
    /// Separate memory for the weights kernels repack at Prepare (<see cref="KernelContext.AllocateWeightsBuffer"/>;
    /// the x86-simd port widens and reorders every convolution and fully-connected filter). Null (the default): they
    /// go into the arena's tail. Give it to size the arena like the reference kernels' and the repacked weights
    /// apart (<c>tflm inspect</c> reports both per kernel set); it must outlive the interpreter.
    /// </summary>
    public unsafe byte* WeightsMemory { get; set; }

    /// <summary>Size of <see cref="WeightsMemory"/> in bytes.</summary>
    public int WeightsMemoryBytes { get; set; }

    /// <summary>Receives an event around every kernel invocation.</summary>
    public MicroProfiler? Profiler { get; set; }

    /// <summary>
    /// <see cref="ResourceVariableCapacity"/> value that sizes the budget to the model: one variable per VAR_HANDLE
    /// operator (an upper bound of the distinct variables it can name), none for a model without VAR_HANDLE.
    /// </summary>
    public const int AutomaticResourceVariableCapacity = -1;

    /// <summary>
    /// How many resource variables (VAR_HANDLE / READ_VARIABLE / ASSIGN_VARIABLE) the interpreter can hold —
    /// TFLM's MicroResourceVariables budget. Each costs a small table entry in the arena's tail, plus its buffer
    /// once assigned. 0 disables resource variables (VAR_HANDLE then fails in Prepare);
    /// <see cref="AutomaticResourceVariableCapacity"/> (the default) sizes the budget from the model.
    /// </summary>
    public int ResourceVariableCapacity { get; set; } = AutomaticResourceVariableCapacity;

    /// <summary>Default of <see cref="MaxLoopIterations"/>.</summary>
    public const int DefaultMaxLoopIterations = 100000;

    /// <summary>
    /// Most WHILE iterations one Invoke may run, all loops (and nested loops) together; one more ends Invoke with an
    /// error. A model decides how often its loops run, so without a bound a crafted model could keep Invoke from ever
    /// returning (TFLM has no bound). The default is far above what real models run.
    /// </summary>
    public int MaxLoopIterations { get; set; } = DefaultMaxLoopIterations;
}

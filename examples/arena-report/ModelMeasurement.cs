namespace TfLiteMicro.Examples.ArenaReport;

/// <summary>One model's row: what it needs here, what TFLM reported, and whether it runs and matches TFLM.</summary>
public sealed class ModelMeasurement
{
    public required string Id { get; init; }

    /// <summary>Operators with their counts, as tests/data/models/README.md lists them.</summary>
    public required string Ops { get; init; }

    /// <summary>TFLM's arena_used_bytes() on a 64-bit host; null when TFLM refuses the model.</summary>
    public int? TflmArenaBytes { get; init; }

    /// <summary>TFLM's arena bytes built for a 32-bit Cortex-M4 (reference kernels), where measured.</summary>
    public int? TflmArenaBytes32 { get; init; }

    /// <summary>Head + tail after AllocateTensors (<c>MicroInterpreter.ArenaUsedBytes</c>); null when it failed.</summary>
    public int? UsedBytes { get; init; }

    /// <summary>The smallest arena AllocateTensors succeeds in (<c>MicroInterpreter.ArenaRequiredBytes</c>).</summary>
    public int? RequiredBytes { get; init; }

    public required string Status { get; init; }
}

namespace TfLiteMicro;

/// <summary>
/// Result of every fallible operation in core and the kernels. Expected failures (a malformed model, an
/// unsupported type, an arena that is too small) are reported through a <see cref="Status"/> plus a message in
/// an <see cref="ErrorReporter"/>, never through exceptions: on a bare-metal target a throw cannot unwind.
/// </summary>
public enum Status
{
    Ok = 0,
    /// <summary>Generic failure; the message says what went wrong.</summary>
    Error = 1,
    /// <summary>The model bytes failed verification (bad offset, length, index, union type, ...).</summary>
    MalformedModel = 2,
    /// <summary>The model needs an operator the resolver does not provide.</summary>
    UnsupportedOperator = 3,
    /// <summary>The arena cannot hold what the model needs; the message says how many bytes are needed.</summary>
    ArenaTooSmall = 4,
    /// <summary>A caller passed an argument that cannot be used (wrong tensor index, type or shape).</summary>
    InvalidArgument = 5,
    /// <summary>An API was called in a state where it is not allowed (e.g. Invoke before AllocateTensors failed).</summary>
    InvalidState = 6,
    /// <summary>A fixed-capacity table (resolver, profiler, scratch requests) is full.</summary>
    CapacityExceeded = 7,
    /// <summary>
    /// Not a failure: a kernel asked to stop this run of the graph here (TFLM's kTfLiteAbort; CIRCULAR_BUFFER
    /// returns it while it is not due to run). The interpreter stops at that node without an error message.
    /// </summary>
    Abort = 8,
}

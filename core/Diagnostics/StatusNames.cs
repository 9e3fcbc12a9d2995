namespace TfLiteMicro;

/// <summary>Human-readable names of <see cref="Status"/> values (no formatting needed on the device).</summary>
public static class StatusNames
{
    public static string Name(Status status)
    {
        switch (status)
        {
            case Status.Ok: return "ok";
            case Status.Error: return "error";
            case Status.MalformedModel: return "malformed model";
            case Status.UnsupportedOperator: return "unsupported operator";
            case Status.ArenaTooSmall: return "arena too small";
            case Status.InvalidArgument: return "invalid argument";
            case Status.InvalidState: return "invalid state";
            case Status.CapacityExceeded: return "capacity exceeded";
            case Status.Abort: return "aborted by a kernel";
            default: return "unknown status";
        }
    }
}

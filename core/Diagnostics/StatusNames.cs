using System;

namespace TfLiteMicro;

/// <summary>Human-readable names of <see cref="Status"/> values (no formatting needed on the device).</summary>
public static partial class StatusNames
{
    public static System.ReadOnlySpan<byte> Name(Status status)
    {
        switch (status)
        {
            case Status.Ok: return "ok"u8;
            case Status.Error: return "error"u8;
            case Status.MalformedModel: return "malformed model"u8;
            case Status.UnsupportedOperator: return "unsupported operator"u8;
            case Status.ArenaTooSmall: return "arena too small"u8;
            case Status.InvalidArgument: return "invalid argument"u8;
            case Status.InvalidState: return "invalid state"u8;
            case Status.CapacityExceeded: return "capacity exceeded"u8;
            case Status.Abort: return "aborted by a kernel"u8;
            default: return "unknown status"u8;
        }
    }
}

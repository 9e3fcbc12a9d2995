namespace System;

/// <summary>Base of every struct. No Equals/GetHashCode overrides (see <see cref="Object"/>).</summary>
public abstract class ValueType
{
}

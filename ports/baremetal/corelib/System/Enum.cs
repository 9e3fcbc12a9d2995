namespace System;

/// <summary>Base of every enum. No ToString/HasFlag/Parse: they need reflection and allocation.</summary>
public abstract class Enum : ValueType
{
}

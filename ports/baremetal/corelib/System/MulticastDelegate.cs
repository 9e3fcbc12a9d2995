namespace System;

/// <summary>Base the compiler gives every <c>delegate</c> declaration (see <see cref="Delegate"/>).</summary>
public abstract class MulticastDelegate : Delegate
{
    internal MulticastDelegate()
    {
    }
}

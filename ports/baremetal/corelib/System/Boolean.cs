namespace System;

/// <summary>The <c>bool</c> primitive. The compiler knows its layout; no members are needed.</summary>
public readonly struct Boolean
{
}

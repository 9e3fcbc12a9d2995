namespace System;

/// <summary>
/// Exists so attributes can carry type arguments in metadata (e.g. fixed buffers). There is no
/// <c>GetTypeFromHandle</c>, so <c>typeof</c> expressions, and with them reflection, do not compile.
/// </summary>
public abstract class Type
{
}

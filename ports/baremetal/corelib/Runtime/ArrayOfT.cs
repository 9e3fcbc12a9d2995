namespace System;

/// <summary>ilc looks this type up to build the MethodTables of <c>T[]</c>.</summary>
internal class Array<T> : Array
{
}

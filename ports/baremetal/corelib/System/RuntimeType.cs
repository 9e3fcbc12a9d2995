namespace System;

/// <summary>
/// ilc looks this type up by name whenever generated code may touch a type object (it is the class of every
/// <c>Type</c> instance in NativeAOT). Device code never creates one: there is no <c>typeof</c> (see
/// <see cref="Type"/>). Internal, as in the BCL.
/// </summary>
internal sealed class RuntimeType : Type
{
}

namespace System.Runtime.InteropServices;

/// <summary>
/// ilc roots <see cref="GetDynamicInterfaceImplementation"/> unconditionally. Dynamic interface casting does not
/// exist on the device, so the helper only stops the program. Internal: device code cannot implement it.
/// </summary>
internal interface IDynamicInterfaceCastable
{
    internal static nint GetDynamicInterfaceImplementation(object instance, nint interfaceType, ushort slot)
    {
        RuntimeFailure.Stop("Dynamic interface casting is not supported."u8);
        return 0;
    }
}

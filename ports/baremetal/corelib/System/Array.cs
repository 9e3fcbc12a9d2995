namespace System;

/// <summary>
/// Base of every array. <c>new T[n]</c> on the device is a bump allocation that is never freed: allocate arrays
/// only while setting up (model load, AllocateTensors), never in Invoke.
/// </summary>
public abstract class Array
{
    // ilc contract (32-bit layout): MethodTable pointer (in Object), then the element count, then the elements.
#pragma warning disable CS0649 // written by the allocator
    private readonly int _numComponents;
#pragma warning restore CS0649

    // Arrays are created by the runtime only (and Array<T> for ilc), as in the BCL.
    internal Array()
    {
    }

    public int Length => _numComponents;
}

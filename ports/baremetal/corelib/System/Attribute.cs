namespace System;

/// <summary>Base of every attribute. Attributes are metadata only; nothing reads them on the device.</summary>
public abstract class Attribute
{
    protected Attribute()
    {
    }
}

namespace System.Runtime.CompilerServices;

/// <summary>Marks a module initializer (runs before any code of the module, like a static constructor).</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ModuleInitializerAttribute : Attribute
{
    public ModuleInitializerAttribute()
    {
    }
}

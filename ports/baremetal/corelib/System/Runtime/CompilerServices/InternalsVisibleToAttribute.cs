namespace System.Runtime.CompilerServices;

/// <summary>Lets a named assembly (a test project) see this assembly's internals; metadata only.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class InternalsVisibleToAttribute : Attribute
{
    public InternalsVisibleToAttribute(string assemblyName)
    {
        AssemblyName = assemblyName;
    }

    public string AssemblyName { get; }

    public bool AllInternalsVisible { get; set; } = true;
}

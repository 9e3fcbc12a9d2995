namespace System.Runtime;

/// <summary>ilc: exports a managed method under a fixed native symbol (the helpers generated code calls).</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
internal sealed class RuntimeExportAttribute : Attribute
{
    public RuntimeExportAttribute(string entry)
    {
        EntryPoint = entry;
    }

    public string EntryPoint { get; }
}

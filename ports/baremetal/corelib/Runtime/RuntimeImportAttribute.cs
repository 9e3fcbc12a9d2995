namespace System.Runtime;

/// <summary>
/// ilc: binds an <c>extern</c> method to a native symbol, linked statically ("*" = any library). The board
/// support code (C, issue #4) provides the symbols listed in <see cref="PlatformImports"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
internal sealed class RuntimeImportAttribute : Attribute
{
    public RuntimeImportAttribute(string lib)
    {
        DllName = lib;
    }

    public RuntimeImportAttribute(string lib, string entry)
    {
        DllName = lib;
        EntryPoint = entry;
    }

    public string DllName { get; }

    public string? EntryPoint { get; }
}

namespace System.Runtime.CompilerServices;

/// <summary>Names an indexer in metadata (string's indexer is "Chars").</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class IndexerNameAttribute : Attribute
{
    public IndexerNameAttribute(string indexerName)
    {
    }
}

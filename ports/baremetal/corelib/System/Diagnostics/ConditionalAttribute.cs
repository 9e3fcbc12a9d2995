namespace System.Diagnostics;

/// <summary>Removes calls unless the symbol is defined (e.g. debug-only checks).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class ConditionalAttribute : Attribute
{
    public ConditionalAttribute(string conditionString)
    {
        ConditionString = conditionString;
    }

    public string ConditionString { get; }
}

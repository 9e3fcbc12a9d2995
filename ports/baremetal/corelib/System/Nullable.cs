namespace System;

/// <summary>A value type that may have no value (<c>int?</c>). Reading <see cref="Value"/> when empty stops the program.</summary>
public struct Nullable<T> where T : struct
{
    // ilc contract: field order and names match the BCL (boxing/unboxing helpers rely on the layout).
    private readonly bool hasValue;
    internal T value;

    public Nullable(T value)
    {
        this.value = value;
        hasValue = true;
    }

    public readonly bool HasValue => hasValue;

    public readonly T Value
    {
        get
        {
            if (!hasValue) ThrowHelper.NoValue();
            return value;
        }
    }

    public readonly T GetValueOrDefault() => value;

    public readonly T GetValueOrDefault(T defaultValue) => hasValue ? value : defaultValue;

    public static implicit operator T?(T value) => new T?(value);

    public static explicit operator T(T? value) => value!.Value;
}

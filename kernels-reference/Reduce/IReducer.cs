namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// One reduction step for <see cref="ReduceMath.Reduce{T, TReducer}"/>: the value each output starts from and how an
/// input element folds into it. Implemented by small structs only, so the generic loop is specialized per
/// reducer at compile time (no virtual dispatch).
/// </summary>
public interface IReducer<T> where T : unmanaged
{
    T Initial { get; }

    T Combine(T current, T input);
}

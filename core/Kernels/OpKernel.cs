namespace TfLiteMicro;

/// <summary>
/// An operator implementation (TFLM's <c>TFLMRegistration</c>). One instance serves every node of its op: all
/// per-node state goes into the arena through <see cref="KernelContext.AllocatePersistentBuffer"/> and is kept
/// in <see cref="Node.UserData"/>. An abstract class rather than an interface on purpose: virtual calls compile to
/// plain code on the bare-metal runtime, interface dispatch over many implementations does not.
/// </summary>
public abstract class OpKernel
{
    /// <summary>
    /// Called once per node before any Prepare. Typical use: allocate OpData in the arena and store it in
    /// <see cref="Node.UserData"/>; custom ops parse their options here.
    /// </summary>
    public virtual Status Init(KernelContext context, ref Node node) => Status.Ok;

    /// <summary>
    /// Validates types, shapes and quantization and precomputes everything Invoke needs (multipliers, lookup
    /// tables, scratch-buffer requests). Errors are reported through <c>context.Errors</c>; the interpreter adds
    /// the op name and node index.
    /// </summary>
    public abstract Status Prepare(KernelContext context, ref Node node);

    /// <summary>Runs the op. Never allocates and never re-validates what Prepare checked.</summary>
    public abstract Status Invoke(KernelContext context, ref Node node);

    /// <summary>Restores the node's state to its initial value (stateful ops); called by the interpreter's Reset.</summary>
    public virtual void Reset(KernelContext context, ref Node node) { }

    /// <summary>Called when the interpreter is disposed. Arena memory is never freed individually.</summary>
    public virtual void Free(KernelContext context, ref Node node) { }
}

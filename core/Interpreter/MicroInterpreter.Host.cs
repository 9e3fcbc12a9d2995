using TfLiteMicro.Memory;
using TfLiteMicro.Schema;

namespace TfLiteMicro;

// Host-only: an interpreter over a NativeArena, so host programs need no pointers (and no unsafe code).
public sealed unsafe partial class MicroInterpreter
{
    /// <summary>Creates an interpreter over <paramref name="arena"/> (which must outlive it).</summary>
    public MicroInterpreter(Model model, OpResolver resolver, NativeArena arena, InterpreterOptions? options = null)
        : this(model, resolver, arena.Pointer, arena.Size, options)
    {
    }
}

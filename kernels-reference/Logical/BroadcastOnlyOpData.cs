namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Node data for the binary ops whose Prepare computes nothing but the broadcast walk (LOGICAL_AND, LOGICAL_OR,
/// FLOOR_DIV, FLOOR_MOD): a <see cref="BroadcastShape"/> in the arena.
/// </summary>
public static unsafe class BroadcastOnlyOpData
{
    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(BroadcastShape));
        if (data == null) return context.Errors.LastStatus;
        *(BroadcastShape*)data = default;
        node.UserData = data;
        return Status.Ok;
    }
}

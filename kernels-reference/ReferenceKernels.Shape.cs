using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

public static partial class ReferenceKernels
{
    public static Status AddUnpack(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.UNPACK, Unpack.Kernel);

    public static Status AddReverseV2(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.REVERSE_V2, ReverseV2.Kernel);

    public static Status AddPack(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.PACK, Pack.Kernel);

    public static Status AddBroadcastTo(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.BROADCAST_TO, BroadcastTo.Kernel);

    public static Status AddCumsum(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.CUMSUM, Cumsum.Kernel);

    public static Status AddSqueeze(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.SQUEEZE, Squeeze.Kernel);

    public static Status AddSplit(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.SPLIT, Split.Kernel);

    public static Status AddSplitV(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.SPLIT_V, SplitV.Kernel);

    public static Status AddSpaceToBatchND(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.SPACE_TO_BATCH_ND, SpaceToBatchND.Kernel);

    public static Status AddBatchToSpaceND(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.BATCH_TO_SPACE_ND, BatchToSpaceND.Kernel);

    public static Status AddSlice(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.SLICE, Slice.Kernel);

    public static Status AddShape(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.SHAPE, Shape.Kernel);

    public static Status AddMirrorPad(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.MIRROR_PAD, MirrorPad.Kernel);

    public static Status AddGather(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.GATHER, Gather.Kernel);

    public static Status AddGatherNd(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.GATHER_ND, GatherNd.Kernel);

    public static Status AddFill(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.FILL, Fill.Kernel);

    public static Status AddDynamicUpdateSlice(this OpResolver resolver) =>
        resolver.AddBuiltin(BuiltinOperator.DYNAMIC_UPDATE_SLICE, DynamicUpdateSlice.Kernel);

    public static Status AddSpaceToDepth(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.SPACE_TO_DEPTH, SpaceToDepth.Kernel);

    public static Status AddDepthToSpace(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.DEPTH_TO_SPACE, DepthToSpace.Kernel);

    public static Status AddEmbeddingLookup(this OpResolver resolver) =>
        resolver.AddBuiltin(BuiltinOperator.EMBEDDING_LOOKUP, EmbeddingLookup.Kernel);

    public static Status AddArgMax(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.ARG_MAX, ArgMax.Kernel);

    public static Status AddArgMin(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.ARG_MIN, ArgMin.Kernel);

    public static Status AddExpandDims(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.EXPAND_DIMS, ExpandDims.Kernel);

    public static Status AddZerosLike(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.ZEROS_LIKE, ZerosLike.Kernel);

    public static Status AddBroadcastArgs(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.BROADCAST_ARGS, BroadcastArgs.Kernel);

    static partial void AddShapeKernels(OpResolver resolver, ref Status status)
    {
        if (status == Status.Ok) status = resolver.AddUnpack();
        if (status == Status.Ok) status = resolver.AddReverseV2();
        if (status == Status.Ok) status = resolver.AddPack();
        if (status == Status.Ok) status = resolver.AddBroadcastTo();
        if (status == Status.Ok) status = resolver.AddCumsum();
        if (status == Status.Ok) status = resolver.AddSqueeze();
        if (status == Status.Ok) status = resolver.AddSplit();
        if (status == Status.Ok) status = resolver.AddSplitV();
        if (status == Status.Ok) status = resolver.AddSpaceToBatchND();
        if (status == Status.Ok) status = resolver.AddBatchToSpaceND();
        if (status == Status.Ok) status = resolver.AddSlice();
        if (status == Status.Ok) status = resolver.AddShape();
        if (status == Status.Ok) status = resolver.AddMirrorPad();
        if (status == Status.Ok) status = resolver.AddGather();
        if (status == Status.Ok) status = resolver.AddGatherNd();
        if (status == Status.Ok) status = resolver.AddFill();
        if (status == Status.Ok) status = resolver.AddDynamicUpdateSlice();
        if (status == Status.Ok) status = resolver.AddSpaceToDepth();
        if (status == Status.Ok) status = resolver.AddDepthToSpace();
        if (status == Status.Ok) status = resolver.AddEmbeddingLookup();
        if (status == Status.Ok) status = resolver.AddArgMax();
        if (status == Status.Ok) status = resolver.AddArgMin();
        if (status == Status.Ok) status = resolver.AddExpandDims();
        if (status == Status.Ok) status = resolver.AddZerosLike();
        if (status == Status.Ok) status = resolver.AddBroadcastArgs();
    }
}

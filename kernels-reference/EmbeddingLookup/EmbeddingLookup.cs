namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// EMBEDDING_LOOKUP: inputs (ids int32 [n], table [rows, ...]); output row i is table row ids[i] (TFLM's
/// embedding_lookup.cc). float32 → float32 and int8 → int8 copy rows; int8 → float32 dequantizes with the table's
/// zero point 0 and, as in TFLM, its FIRST scale for every row (a per-row-scaled table is read with scale[0]; the
/// goldens contain that). The output shape must be [n, table dims 1..]. An id outside [0, rows) fails Invoke.
/// </summary>
public sealed unsafe class EmbeddingLookup : OpKernel
{
    public static readonly EmbeddingLookup Kernel = new EmbeddingLookup();

    public override Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(float));
        if (data == null) return context.Errors.LastStatus;
        *(float*)data = 0f;
        node.UserData = data;
        return Status.Ok;
    }

    public override Status Prepare(KernelContext context, ref Node node)
    {
        ErrorReporter errors = context.Errors;
        Status status = ShapeChecks.ExpectCounts(errors, ref node, 2, 1);
        if (status != Status.Ok) return status;
        TensorInfo ids = context.GetInputInfo(ref node, 0);
        TensorInfo table = context.GetInputInfo(ref node, 1);
        TensorInfo output = context.GetOutputInfo(ref node, 0);
        status = context.ExpectType(ids, TensorType.Int32, "ids"u8);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectRank(errors, ids, "ids"u8, 1);
        if (status != Status.Ok) return status;
        if (table.Type != TensorType.Float32 && table.Type != TensorType.Int8) return context.UnsupportedType(table, "table"u8);
        if (table.Rank < 2 || table.Rank > ShapeChecks.MaxRank)
            return errors.Fail(Status.Error, "table tensor "u8).Append(table.Index).Append(" has rank "u8).Append(table.Rank)
                .Append(", expected 2 to "u8).Append(ShapeChecks.MaxRank);
        bool hybrid = table.Type == TensorType.Int8 && output.Type == TensorType.Float32;
        if (!hybrid)
        {
            status = ShapeChecks.ExpectSameType(context, output, table, "output"u8, "table"u8);
            if (status != Status.Ok) return status;
        }
        int* expected = stackalloc int[ShapeChecks.MaxRank];
        expected[0] = ids.Dim(0);
        for (int d = 1; d < table.Rank; d++) expected[d] = table.Dim(d);
        status = ShapeChecks.ExpectShape(errors, output, "output"u8, new System.ReadOnlySpan<int>(expected, table.Rank));
        if (status != Status.Ok) return status;
        if (hybrid)
        {
            if (!table.Quantization.HasQuantization || table.Quantization.ZeroPoint != 0)
                return errors.Fail(Status.Error, "int8 table tensor "u8).Append(table.Index)
                    .Append(" must be quantized with zero point 0 to produce float32"u8);
            *(float*)node.UserData = table.Quantization.Scale;
        }
        return Status.Ok;
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor ids = ref context.GetInput(ref node, 0);
        ref EvalTensor table = ref context.GetInput(ref node, 1);
        ref EvalTensor output = ref context.GetOutput(ref node, 0);
        int rows = table.Dim(0);
        if (rows == 0) return Status.Ok;
        int columns = table.ElementCount / rows;
        int count = ids.Dim(0);
        int* idData = (int*)ids.Data;
        bool hybrid = table.Type == TensorType.Int8 && output.Type == TensorType.Float32;
        int rowBytes = columns * TensorTypes.ElementSize(table.Type);
        float scale = *(float*)node.UserData;
        for (int i = 0; i < count; i++)
        {
            int id = idData[i];
            if (id < 0 || id >= rows)
                return context.Errors.Fail(Status.Error, "id "u8).Append(id).Append(" is outside [0, "u8).Append(rows).Append(')');
            if (hybrid)
            {
                sbyte* source = (sbyte*)table.Data + (long)id * columns;
                float* destination = (float*)output.Data + (long)i * columns;
                for (int c = 0; c < columns; c++) destination[c] = source[c] * scale;
            }
            else
            {
                ShapeChecks.CopyBytes((byte*)table.Data + (long)id * rowBytes, (byte*)output.Data + (long)i * rowBytes, rowBytes);
            }
        }
        return Status.Ok;
    }
}

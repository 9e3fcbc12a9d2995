using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// UNIDIRECTIONAL_SEQUENCE_LSTM (TFLM unidirectional_sequence_lstm.cc + lstm_eval): the standard LSTM over a
/// sequence, float32, int8 activations × int8 weights (int32 bias) or int16 activations × int8 weights (int64
/// bias), both with an int16 cell state. The hidden (input 18) and cell (input 19) states are variable tensors
/// that carry over between Invokes; the interpreter zeroes them (to their zero points) on Reset.
/// </summary>
public sealed unsafe class UnidirectionalSequenceLstm : OpKernel
{
    public static readonly UnidirectionalSequenceLstm Kernel = new UnidirectionalSequenceLstm();

    public override Status Init(KernelContext context, ref Node node) => UnidirectionalSequenceLstmCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => UnidirectionalSequenceLstmCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        UnidirectionalSequenceLstmOpData* data = (UnidirectionalSequenceLstmOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, UnidirectionalSequenceLstmCommon.InputTensor);
        ref EvalTensor hidden = ref context.GetInput(ref node, UnidirectionalSequenceLstmCommon.HiddenStateTensor);
        ref EvalTensor cell = ref context.GetInput(ref node, UnidirectionalSequenceLstmCommon.CellStateTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, UnidirectionalSequenceLstmCommon.OutputTensor);
        int stateCount = data->Sizes.BatchSize * data->Sizes.StateDimension;

        if (input.Type == TensorType.Float32)
        {
            LstmFloatMath.Eval(*data, input.AsReadOnlySpan<float>(),
                Gate<float, float>(context, ref node, UnidirectionalSequenceLstmCommon.InputToForgetWeightsTensor,
                    UnidirectionalSequenceLstmCommon.RecurrentToForgetWeightsTensor, UnidirectionalSequenceLstmCommon.ForgetGateBiasTensor),
                Gate<float, float>(context, ref node, UnidirectionalSequenceLstmCommon.InputToInputWeightsTensor,
                    UnidirectionalSequenceLstmCommon.RecurrentToInputWeightsTensor, UnidirectionalSequenceLstmCommon.InputGateBiasTensor),
                Gate<float, float>(context, ref node, UnidirectionalSequenceLstmCommon.InputToCellWeightsTensor,
                    UnidirectionalSequenceLstmCommon.RecurrentToCellWeightsTensor, UnidirectionalSequenceLstmCommon.CellGateBiasTensor),
                Gate<float, float>(context, ref node, UnidirectionalSequenceLstmCommon.InputToOutputWeightsTensor,
                    UnidirectionalSequenceLstmCommon.RecurrentToOutputWeightsTensor, UnidirectionalSequenceLstmCommon.OutputGateBiasTensor),
                hidden.AsSpan<float>(), cell.AsSpan<float>(), output.AsSpan<float>(),
                Buffer<float>(context, data->Buffer0, stateCount), Buffer<float>(context, data->Buffer1, stateCount),
                Buffer<float>(context, data->Buffer2, stateCount), Buffer<float>(context, data->Buffer3, stateCount));
            return Status.Ok;
        }

        Span<short> buffer0 = Buffer<short>(context, data->Buffer0, stateCount);
        Span<short> buffer1 = Buffer<short>(context, data->Buffer1, stateCount);
        Span<short> buffer2 = Buffer<short>(context, data->Buffer2, stateCount);
        Span<short> buffer3 = Buffer<short>(context, data->Buffer3, stateCount);
        if (input.Type == TensorType.Int8)
        {
            LstmIntegerMath.EvalInt8(*data, input.AsReadOnlySpan<sbyte>(),
                Gate<sbyte, int>(context, ref node, UnidirectionalSequenceLstmCommon.InputToForgetWeightsTensor,
                    UnidirectionalSequenceLstmCommon.RecurrentToForgetWeightsTensor, UnidirectionalSequenceLstmCommon.ForgetGateBiasTensor),
                Gate<sbyte, int>(context, ref node, UnidirectionalSequenceLstmCommon.InputToInputWeightsTensor,
                    UnidirectionalSequenceLstmCommon.RecurrentToInputWeightsTensor, UnidirectionalSequenceLstmCommon.InputGateBiasTensor),
                Gate<sbyte, int>(context, ref node, UnidirectionalSequenceLstmCommon.InputToCellWeightsTensor,
                    UnidirectionalSequenceLstmCommon.RecurrentToCellWeightsTensor, UnidirectionalSequenceLstmCommon.CellGateBiasTensor),
                Gate<sbyte, int>(context, ref node, UnidirectionalSequenceLstmCommon.InputToOutputWeightsTensor,
                    UnidirectionalSequenceLstmCommon.RecurrentToOutputWeightsTensor, UnidirectionalSequenceLstmCommon.OutputGateBiasTensor),
                hidden.AsSpan<sbyte>(), cell.AsSpan<short>(), output.AsSpan<sbyte>(), buffer0, buffer1, buffer2, buffer3);
            return Status.Ok;
        }

        LstmIntegerMath.EvalInt16(*data, input.AsReadOnlySpan<short>(),
            Gate<sbyte, long>(context, ref node, UnidirectionalSequenceLstmCommon.InputToForgetWeightsTensor,
                UnidirectionalSequenceLstmCommon.RecurrentToForgetWeightsTensor, UnidirectionalSequenceLstmCommon.ForgetGateBiasTensor),
            Gate<sbyte, long>(context, ref node, UnidirectionalSequenceLstmCommon.InputToInputWeightsTensor,
                UnidirectionalSequenceLstmCommon.RecurrentToInputWeightsTensor, UnidirectionalSequenceLstmCommon.InputGateBiasTensor),
            Gate<sbyte, long>(context, ref node, UnidirectionalSequenceLstmCommon.InputToCellWeightsTensor,
                UnidirectionalSequenceLstmCommon.RecurrentToCellWeightsTensor, UnidirectionalSequenceLstmCommon.CellGateBiasTensor),
            Gate<sbyte, long>(context, ref node, UnidirectionalSequenceLstmCommon.InputToOutputWeightsTensor,
                UnidirectionalSequenceLstmCommon.RecurrentToOutputWeightsTensor, UnidirectionalSequenceLstmCommon.OutputGateBiasTensor),
            hidden.AsSpan<short>(), cell.AsSpan<short>(), output.AsSpan<short>(), buffer0, buffer1, buffer2, buffer3);
        return Status.Ok;
    }

    private static LstmGateTensors<TWeight, TBias> Gate<TWeight, TBias>(KernelContext context, ref Node node,
        int inputWeightsSlot, int recurrentWeightsSlot, int biasSlot)
        where TWeight : unmanaged
        where TBias : unmanaged
    {
        return new LstmGateTensors<TWeight, TBias>(context.GetInput(ref node, inputWeightsSlot).AsReadOnlySpan<TWeight>(),
            context.GetInput(ref node, recurrentWeightsSlot).AsReadOnlySpan<TWeight>(),
            context.GetInput(ref node, biasSlot).AsReadOnlySpan<TBias>());
    }

    private static Span<T> Buffer<T>(KernelContext context, int index, int count) where T : unmanaged =>
        new Span<T>(context.GetScratchBuffer(index), count);
}

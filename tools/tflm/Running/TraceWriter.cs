using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using TfLiteMicro.Schema;
using TfLiteMicro.Tools.Models;
using TfLiteMicro.Npy;

namespace TfLiteMicro.Tools.Running;

/// <summary>
/// Writes every output tensor of every operator of the main subgraph, in execution order, as
/// <c>opNNN_&lt;OP&gt;_out&lt;S&gt;.npy</c> plus an <c>index.tsv</c> — the layout of the shared <c>trace0/</c> goldens,
/// so the first diverging op can be found by comparing the two folders. Needs a runner opened with
/// preserveAllTensors, after Invoke.
/// </summary>
public static unsafe class TraceWriter
{
    public const string IndexFileName = "index.tsv";
    public const string IndexHeader = "op_index\top\toutput\ttensor\tdtype\tshape\tstatus";

    /// <summary>Writes the trace files; returns the number of tensors written.</summary>
    public static int Write(ModelRunner runner, string directory)
    {
        if (!runner.Interpreter.PreservesAllTensors)
            throw new ToolException("a trace needs an interpreter that preserves all tensors");
        Directory.CreateDirectory(directory);

        Model model = runner.ModelFile.Model;
        SubGraph subgraph = model.GetSubgraph(0);
        var index = new StringBuilder();
        index.Append(IndexHeader).Append('\n');
        int written = 0;
        for (int op = 0; op < subgraph.OperatorCount; op++)
        {
            Operator oper = subgraph.GetOperator(op);
            string opName = ModelText.OperatorName(model.GetOperatorCode(oper.OpcodeIndex));
            IntVector outputs = oper.Outputs;
            for (int slot = 0; slot < outputs.Count; slot++)
            {
                int tensorIndex = outputs[slot];
                string row = WriteOne(runner, directory, op, opName, slot, tensorIndex, ref written);
                index.Append(row).Append('\n');
            }
        }
        File.WriteAllText(Path.Combine(directory, IndexFileName), index.ToString());
        return written;
    }

    /// <summary>The file name of one traced tensor: "op002_FULLY_CONNECTED_out0.npy".</summary>
    public static string FileName(int opIndex, string opName, int slot) =>
        "op" + opIndex.ToString("D3", CultureInfo.InvariantCulture) + "_" + opName + "_out" + slot.ToString(CultureInfo.InvariantCulture) + ".npy";

    private static string WriteOne(ModelRunner runner, string directory, int op, string opName, int slot, int tensorIndex, ref int written)
    {
        string prefix = op.ToString(CultureInfo.InvariantCulture) + "\t" + opName + "\tout" + slot.ToString(CultureInfo.InvariantCulture)
            + "\ttensor=" + tensorIndex.ToString(CultureInfo.InvariantCulture);
        if (tensorIndex < 0) return prefix + "\t\t\tabsent (optional output)";

        TensorInfo tensor = runner.Interpreter.GetTensor(tensorIndex);
        string details = "\t" + TensorTypeMapping.NpyName(tensor.Type) + "\t" + NpyArray.FormatShapeList(tensor.Shape);
        if (!TensorTypeMapping.TryGetNpyType(tensor.Type, out _)) return prefix + details + "\tskipped: no .npy dtype";
        if (tensor.Data == null) return prefix + details + "\tskipped: no data";

        NpyArray array = ModelRunner.ReadTensor(tensor, "tensor " + tensorIndex);
        NpyWriter.WriteFile(Path.Combine(directory, FileName(op, opName, slot)), array);
        written++;
        return prefix + details + "\tdumped";
    }
}

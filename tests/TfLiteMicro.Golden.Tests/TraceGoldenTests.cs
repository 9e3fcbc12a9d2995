using System.Collections.Generic;
using System.IO;
using TfLiteMicro.Npy;
using TfLiteMicro.Tools.Running;
using Xunit;

namespace TfLiteMicro.Golden.Tests;

/// <summary>
/// Runs case 0 of every runnable model with a trace (as <c>tflm run --trace</c> does) and compares the trace with
/// TFLM's <c>trace0/</c>: the same index.tsv, and every op's outputs within the golden tolerance. A failure names
/// the first op whose output diverges.
/// </summary>
public class TraceGoldenTests
{
    /// <summary>
    /// Op outputs that TFLM only partly writes, so the rest of the golden holds whatever its arena contained:
    /// SignalEnergy fills bins [start_index, end_index) only (5..241 in the micro_speech preprocessors, from the op's
    /// options), and the CAST after it copies those bins as they are; the model then slices the other bins away
    /// (STRIDED_SLICE), so only the written range is compared.
    /// </summary>
    private static readonly (string ModelPrefix, string File, int Start, int End)[] PartlyWrittenOutputs =
    {
        ("micro_speech_audio_preprocessor_", "op004_SignalEnergy_out0.npy", 5, 241),
        ("micro_speech_audio_preprocessor_", "op005_CAST_out0.npy", 5, 241),
    };

    public static TheoryData<string> RunnableModelsWithTraces()
    {
        var data = new TheoryData<string>();
        foreach (string name in GoldenModels.Runnable)
        {
            // Only some traces are copied into tests/data (the big ones stay in ../shared; see tests/data/README.md).
            string? trace = GoldenModels.Collection.TraceFolder(name);
            if (trace != null && File.Exists(Path.Combine(trace, TraceWriter.IndexFileName))) data.Add(name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RunnableModelsWithTraces))]
    public void TraceOfCase0MatchesTflmTrace(string model)
    {
        string goldenTrace = GoldenModels.Collection.TraceFolder(model)!;
        string ourTrace = Path.Combine(Path.GetTempPath(), "tflm-trace-" + model + "-" + System.Guid.NewGuid().ToString("N"));
        try
        {
            GoldenCase case0 = GoldenModels.Cases(model)[0];
            var inputs = new List<NpyArray>();
            foreach (string path in case0.Inputs) inputs.Add(NpyReader.ReadFile(path));
            using (ModelRunner runner = ModelRunner.Open(GoldenModels.ModelPath(model), preserveAllTensors: true))
            {
                runner.SetInputs(inputs);
                runner.Invoke();
                TraceWriter.Write(runner, ourTrace);
            }

            string[] expectedRows = File.ReadAllLines(Path.Combine(goldenTrace, TraceWriter.IndexFileName));
            Assert.Equal(expectedRows, File.ReadAllLines(Path.Combine(ourTrace, TraceWriter.IndexFileName)));
            // Rows are in execution order, so the first mismatch is the first diverging op.
            for (int row = 1; row < expectedRows.Length; row++)
            {
                string[] columns = expectedRows[row].Split('\t');
                string file = TraceWriter.FileName(int.Parse(columns[0]), columns[1], int.Parse(columns[2].Substring("out".Length)));
                NpyArray expected = NpyReader.ReadFile(Path.Combine(goldenTrace, file));
                NpyArray actual = NpyReader.ReadFile(Path.Combine(ourTrace, file));
                foreach ((string prefix, string partFile, int start, int end) in PartlyWrittenOutputs)
                {
                    if (model.StartsWith(prefix, System.StringComparison.Ordinal) && file == partFile)
                    {
                        expected = WrittenRange(expected, start, end);
                        actual = WrittenRange(actual, start, end);
                    }
                }
                string? mismatch = GoldenComparison.Describe(expected, actual);
                Assert.True(mismatch == null, model + ": first diverging op output is " + file + ": " + mismatch);
            }
        }
        finally
        {
            if (Directory.Exists(ourTrace)) Directory.Delete(ourTrace, recursive: true);
        }
    }

    /// <summary>Elements [start, end) of a flattened array, as a 1-D array of the same dtype.</summary>
    private static NpyArray WrittenRange(NpyArray array, int start, int end)
    {
        int elementSize = array.Data.Length / array.ElementCount;
        byte[] data = new byte[(end - start) * elementSize];
        System.Array.Copy(array.Data, start * elementSize, data, 0, data.Length);
        return new NpyArray(array.DType, new[] { end - start }, data);
    }
}

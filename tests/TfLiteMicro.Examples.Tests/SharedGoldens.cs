using System.Collections.Generic;
using System.IO;
using TfLiteMicro.Examples.MlperfTiny;
using TfLiteMicro.Testing;

namespace TfLiteMicro.Examples.Tests;

/// <summary>
/// TFLM's golden cases of the test models (tests/data/models), for the examples whose sample data are real inputs
/// without goldens.
/// </summary>
internal static class SharedGoldens
{
    /// <summary>(input, expected output) of every case of a model.</summary>
    public static IEnumerable<(NpyFile Input, NpyFile Output)> Cases(string modelId)
    {
        string folder = TestData.ModelFolder(modelId);
        for (int k = 0; File.Exists(Path.Combine(folder, "case" + k + "_in0.npy")); k++)
        {
            yield return (NpyFile.Parse(File.ReadAllBytes(Path.Combine(folder, "case" + k + "_in0.npy"))),
                NpyFile.Parse(File.ReadAllBytes(Path.Combine(folder, "case" + k + "_out0.npy"))));
        }
    }
}

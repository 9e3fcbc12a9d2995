using System.Collections.Generic;
using System.IO;
using TfLiteMicro.Examples.MlperfTiny;
using TfLiteMicro.Testing;

namespace TfLiteMicro.Examples.Tests;

/// <summary>
/// TFLM's golden cases in ../shared/models, for the examples whose sample data are real inputs without goldens.
/// Empty when ../shared is not next to the repository (a fresh clone): those checks then have nothing to compare.
/// </summary>
internal static class SharedGoldens
{
    /// <summary>(input, expected output) of every case of a model.</summary>
    public static IEnumerable<(NpyFile Input, NpyFile Output)> Cases(string modelId)
    {
        string folder = Path.Combine(RepositoryPaths.SharedModels, modelId);
        for (int k = 0; File.Exists(Path.Combine(folder, "case" + k + "_in0.npy")); k++)
        {
            yield return (NpyFile.Parse(File.ReadAllBytes(Path.Combine(folder, "case" + k + "_in0.npy"))),
                NpyFile.Parse(File.ReadAllBytes(Path.Combine(folder, "case" + k + "_out0.npy"))));
        }
    }
}

using System;
using System.Globalization;
using System.IO;
using System.Text;
using TfLiteMicro.Testing;

namespace TfLiteMicro.Firmware.Tests;

/// <summary>
/// Compares a firmware's printed outputs with TFLM's goldens (tests/data/models/MODEL/caseK_outI.npy, see TestData) by the rule
/// of tests/data/models/README.md: integers identical, float32 within 1e-5 absolute + 1e-5 relative.
/// </summary>
public static class GoldenComparison
{
    /// <summary>An empty string when everything matches, else one line per difference (first few per output).</summary>
    public static string Differences(FirmwareReport report, string model)
    {
        StringBuilder differences = new();
        if (!report.CompletedModels.Contains(model)) differences.AppendLine($"{model}: the firmware did not finish the model");
        string directory = TestData.ModelFolder(model);
        for (int k = 0; File.Exists(Path.Combine(directory, $"case{k}_in0.npy")); k++)
        {
            for (int i = 0; File.Exists(Path.Combine(directory, $"case{k}_out{i}.npy")); i++)
            {
                GoldenArray golden = GoldenArray.Load(Path.Combine(directory, $"case{k}_out{i}.npy"));
                if (!report.Outputs.TryGetValue((model, k, i), out (string Type, string[] Values) printed))
                {
                    differences.AppendLine($"{model} case {k} output {i}: not printed");
                    continue;
                }
                Compare($"{model} case {k} output {i}", golden, printed.Type, printed.Values, differences);
            }
        }
        return differences.ToString();
    }

    private static void Compare(string what, GoldenArray golden, string type, string[] values, StringBuilder differences)
    {
        string expectedType = golden.Type switch
        {
            "<f4" => "float32", "|i1" => "int8", "|u1" => "uint8", "<i2" => "int16", "<i4" => "int32", _ => golden.Type,
        };
        if (type != expectedType || values.Length != golden.Length)
        {
            differences.AppendLine($"{what}: printed {type}[{values.Length}], golden {expectedType}[{golden.Length}]");
            return;
        }
        int reported = 0;
        for (int e = 0; e < values.Length && reported < 5; e++)
        {
            if (type == "float32")
            {
                float actual = BitConverter.UInt32BitsToSingle(uint.Parse(values[e].AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                float expected = golden.Single(e);
                if (!(Math.Abs(actual - expected) <= 1e-5 + 1e-5 * Math.Abs(expected)))
                {
                    differences.AppendLine($"{what}[{e}]: {actual:R}, golden {expected:R}");
                    reported++;
                }
            }
            else if (long.Parse(values[e], CultureInfo.InvariantCulture) != golden.Integer(e))
            {
                differences.AppendLine($"{what}[{e}]: {values[e]}, golden {golden.Integer(e)}");
                reported++;
            }
        }
    }
}

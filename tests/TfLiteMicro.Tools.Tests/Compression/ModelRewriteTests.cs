using System.Collections.Generic;
using System.IO;
using TfLiteMicro.Tools.FlatBuffers;
using Xunit;

namespace TfLiteMicro.Tools.Tests.Compression;

/// <summary>
/// The model rewriter behind <c>tflm compress</c> copies every field: a model read into a tree and written back
/// verifies, computes the same outputs, and rewriting it again gives the same bytes — for every shared model and
/// every single-operator model (which between them use every options table TFLM's kernels read).
/// </summary>
public class ModelRewriteTests
{
    public static TheoryData<string> SharedModelNames()
    {
        var data = new TheoryData<string>();
        foreach (string name in TestData.Models.Ids()) data.Add(name);
        return data;
    }

    private static byte[] Rewrite(byte[] model) => FlatBufferTreeReader.Rewrite(model);

    [Theory]
    [MemberData(nameof(SharedModelNames))]
    public void ASharedModelRewritesToTheSameModel(string model)
    {
        byte[] original = File.ReadAllBytes(TestData.ModelFile(model));
        byte[] rewritten = Rewrite(original);
        Assert.Equal(rewritten, Rewrite(rewritten));
        // Field-for-field copies are about the same size (no vtable or padding blow-up).
        Assert.InRange(rewritten.Length, original.Length * 9 / 10, original.Length * 11 / 10 + 512);

        IReadOnlyList<TfLiteMicro.Npy.NpyArray> inputs = CompressionTestSupport.CaseInputs(model);
        if (inputs.Count == 0 || model == "person_detect_vela") return;
        var (expected, _) = CompressionTestSupport.Run(original, inputs);
        var (actual, _) = CompressionTestSupport.Run(rewritten, inputs);
        CompressionTestSupport.AssertSameOutputs(expected, actual, model);
    }

    [Fact]
    public void EverySingleOperatorModelRewritesAndVerifies()
    {
        int count = 0;
        foreach (string id in TestData.OpModels.Ids())
        {
            string path = TestData.OpModels.ModelFile(id);
            byte[] rewritten = Rewrite(File.ReadAllBytes(path));
            Assert.Equal(rewritten, Rewrite(rewritten));
            using var buffer = new TfLiteMicro.Schema.ModelBuffer(rewritten);
            var errors = new ErrorReporter();
            Assert.True(buffer.TryLoadModel(errors, out _) == Status.Ok, id + ": " + errors.MessageText);
            count++;
        }
        Assert.True(count > 400, "expected the ~465 single-operator models, found " + count);
    }
}

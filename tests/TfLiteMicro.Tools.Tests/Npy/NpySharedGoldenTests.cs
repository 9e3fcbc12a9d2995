using System;
using System.IO;
using TfLiteMicro.Npy;
using Xunit;

namespace TfLiteMicro.Tools.Tests.Npy;

/// <summary>The .npy files numpy wrote for the shared goldens: read them all, and rewrite them byte for byte.</summary>
public class NpySharedGoldenTests
{
    [Fact]
    public void EverySharedNpyFileReadsAndRewritesIdentically()
    {
        string[] files = Directory.GetFiles(TestData.Models.RepositoryDirectory, "*.npy", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (string file in files)
        {
            byte[] original = File.ReadAllBytes(file);
            NpyArray array = NpyReader.Read(original);
            byte[] rewritten = NpyWriter.Write(array);
            Assert.True(original.AsSpan().SequenceEqual(rewritten), file + " was not rewritten identically");
        }
    }

    [Fact]
    public void HelloWorldInt8InputHasTheModelsDTypeAndShape()
    {
        NpyArray input = NpyReader.ReadFile(TestData.Models.File("hello_world_int8", "case0_in0.npy"));

        Assert.Equal(NpyDType.Int8, input.DType);
        Assert.Equal(new[] { 1, 1 }, input.Shape.ToArray());
    }

    [Fact]
    public void TraceScalarOutputIsReadAsZeroDimensional()
    {
        NpyArray scalar = NpyReader.ReadFile(TestData.TraceFile("micro_speech_audio_preprocessor_int8", "op002_SignalFftAutoScale_out1.npy"));

        Assert.Equal(NpyDType.Int32, scalar.DType);
        Assert.Equal(0, scalar.Rank);
        Assert.Equal(1, scalar.ElementCount);
    }
}

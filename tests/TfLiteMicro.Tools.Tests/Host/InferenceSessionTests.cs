using System;
using System.Collections.Generic;
using TfLiteMicro.Host;
using TfLiteMicro.Npy;
using Xunit;

namespace TfLiteMicro.Tools.Tests.Host;

/// <summary>The host package's session: right-sized arena, names, signatures, type-checked access, goldens.</summary>
public class InferenceSessionTests
{
    [Fact]
    public void TheArenaIsExactlyWhatTheModelRequires()
    {
        using InferenceSession session = InferenceSession.Open(TestData.ModelFile("hello_world_int8"));
        Assert.Equal(InferenceSession.RequiredArenaBytes(session.Model, InferenceSession.AllReferenceKernels()), session.ArenaBytes);
        Assert.True(session.ArenaUsedBytes <= session.ArenaBytes);
        // One byte less must not allocate: the size is the minimum, not a guess.
        Assert.Throws<InferenceException>(() => InferenceSession.Open(TestData.ModelFile("hello_world_int8"),
            new SessionOptions { ArenaBytes = session.ArenaBytes - 16 }));
    }

    [Fact]
    public void QuantizedSineIsCloseToTheRealSine()
    {
        using InferenceSession session = InferenceSession.Open(TestData.ModelFile("hello_world_int8"));
        session.Input(0).SetFloats([1.57f]);
        session.Run();
        Assert.InRange(session.Output(0).ToFloats()[0], 0.9f, 1.1f);
    }

    [Fact]
    public void InputsOutputsAndSignaturesByName()
    {
        using InferenceSession session = InferenceSession.Open(TestData.ModelFile("hello_world_float"));
        SessionTensor input = session.Input(0);
        Assert.Same(input, session.Input(input.Name));
        Assert.Same(session.Output(0), session.Output(session.Output(0).Name));
        KeyNotFoundException missing = Assert.Throws<KeyNotFoundException>(() => session.Input("no_such_tensor"));
        Assert.Contains(input.Name, missing.Message);

        Assert.NotEmpty(session.SignatureKeys);
        SessionSignature signature = session.Signature(session.SignatureKeys[0]);
        signature.Input(signature.InputNames[0]).CopyFrom([0.5f]);
        signature.Run();
        float viaSignature = signature.Output(signature.OutputNames[0]).ToArray<float>()[0];
        input.CopyFrom([0.5f]);
        session.Run();
        Assert.Equal(session.Output(0).ToArray<float>()[0], viaSignature);
        Assert.Throws<KeyNotFoundException>(() => session.Signature("no_such_signature"));
    }

    [Fact]
    public void TypedAccessChecksTheElementTypeAndTheLength()
    {
        using InferenceSession session = InferenceSession.Open(TestData.ModelFile("hello_world_int8"));
        SessionTensor input = session.Input(0);
        Assert.Equal(TensorType.Int8, input.Type);
        InvalidOperationException wrongType = Assert.Throws<InvalidOperationException>(() => input.AsSpan<long>());
        Assert.Contains("sbyte", wrongType.Message);
        Assert.Throws<InvalidOperationException>(() => input.ToArray<float>());
        Assert.Equal(input.ElementCount, input.AsSpan<sbyte>().Length);
        Assert.Throws<ArgumentException>(() => input.CopyFrom(new sbyte[input.ElementCount + 1]));
    }

    [Fact]
    public void AGoldenCaseRunsThroughTheSession()
    {
        using InferenceSession session = InferenceSession.Open(TestData.ModelFile("mlperf_kws_int8"));
        session.Input(0).CopyFrom(NpyReader.ReadFile(TestData.Models.File("mlperf_kws_int8", "case0_in0.npy")));
        session.Run();
        Assert.Equal(NpyReader.ReadFile(TestData.Models.File("mlperf_kws_int8", "case0_out0.npy")).Data, session.Output(0).ToNpy().Data);
    }

    [Fact]
    public void AMalformedModelIsAnInferenceException()
    {
        InferenceException error = Assert.Throws<InferenceException>(() => InferenceSession.FromBytes(new byte[64]));
        Assert.NotEqual(Status.Ok, error.Status);
        Assert.StartsWith("malformed model", error.Message);
    }

    [Fact]
    public void QuantizationUsesTfliteRounding()
    {
        sbyte[] q = AffineQuantization.QuantizeToInt8([0.25f, -0.25f, 100f, -100f], 0.5f, 0);
        Assert.Equal(new sbyte[] { 1, -1, 127, -128 }, q);   // 0.5 rounds away from zero, then clamps
        Assert.Equal(new[] { 0.5f, -0.5f }, AffineQuantization.Dequantize([(sbyte)1, (sbyte)-1], 0.5f, 0));
    }
}

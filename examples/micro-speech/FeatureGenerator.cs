using System;
using TfLiteMicro.Kernels.Reference;

namespace TfLiteMicro.Examples.MicroSpeech;

/// <summary>
/// The audio front end as a model (TFLM's audio_preprocessor_int8): each 30 ms window of 16 kHz audio (480
/// samples) becomes 40 int8 log-mel features; windows advance by 20 ms (320 samples), so one second of audio
/// gives 49 feature slices — the 1960 values the speech model reads. The model is stateful (noise estimate,
/// PCAN gain), so every clip starts from a reset state, as TFLM's test does with a fresh interpreter.
/// </summary>
public sealed class FeatureGenerator : IDisposable
{
    public const string ModelResource = "audio_preprocessor_int8.tflite";
    public const int SampleRate = 16000;
    public const int WindowSamples = 30 * SampleRate / 1000;   // 480
    public const int StrideSamples = 20 * SampleRate / 1000;   // 320
    public const int FeatureSize = 40;
    public const int FeatureCount = 49;

    /// <summary>TFLM reports 9,952 bytes on a 64-bit host.</summary>
    public const int ArenaBytes = 16 * 1024;

    private readonly ModelSession session;

    private FeatureGenerator(ModelSession session) => this.session = session;

    public int ArenaUsedBytes => session.Interpreter.ArenaUsedBytes;

    public static FeatureGenerator Open()
    {
        OpResolver resolver = new OpResolver(18);
        Status status = resolver.AddReshape();
        if (status == Status.Ok) status = resolver.AddCast();
        if (status == Status.Ok) status = resolver.AddStridedSlice();
        if (status == Status.Ok) status = resolver.AddConcatenation();
        if (status == Status.Ok) status = resolver.AddMul();
        if (status == Status.Ok) status = resolver.AddAdd();
        if (status == Status.Ok) status = resolver.AddDiv();
        if (status == Status.Ok) status = resolver.AddMinimum();
        if (status == Status.Ok) status = resolver.AddMaximum();
        if (status == Status.Ok) status = resolver.AddSignalWindow();
        if (status == Status.Ok) status = resolver.AddSignalFftAutoScale();
        if (status == Status.Ok) status = resolver.AddSignalRfft();
        if (status == Status.Ok) status = resolver.AddSignalEnergy();
        if (status == Status.Ok) status = resolver.AddSignalFilterBank();
        if (status == Status.Ok) status = resolver.AddSignalFilterBankSquareRoot();
        if (status == Status.Ok) status = resolver.AddSignalFilterBankSpectralSubtraction();
        if (status == Status.Ok) status = resolver.AddSignalPcan();
        if (status == Status.Ok) status = resolver.AddSignalFilterBankLog();
        Resolvers.Check(resolver, status, ModelResource);
        return new FeatureGenerator(ModelSession.Open(ModelResource, EmbeddedData.Read(ModelResource), resolver, ArenaBytes));
    }

    /// <summary>
    /// Features of one clip, slice after slice (<see cref="FeatureCount"/> × <see cref="FeatureSize"/>); slices
    /// the audio is too short for stay zero.
    /// </summary>
    public sbyte[] Generate(ReadOnlySpan<short> audio)
    {
        session.Reset();
        TensorInfo input = session.Interpreter.Input(0);
        TensorInfo output = session.Interpreter.Output(0);
        if (input.ElementCount != WindowSamples || output.ElementCount != FeatureSize)
            throw new InvalidOperationException(ModelResource + ": expected " + WindowSamples + " samples in and " + FeatureSize + " features out");
        sbyte[] features = new sbyte[FeatureCount * FeatureSize];
        int slice = 0;
        for (int start = 0; start + WindowSamples <= audio.Length && slice < FeatureCount; start += StrideSamples, slice++)
        {
            audio.Slice(start, WindowSamples).CopyTo(input.DataAs<short>());
            session.Invoke();
            output.DataAs<sbyte>().CopyTo(features.AsSpan(slice * FeatureSize, FeatureSize));
        }
        return features;
    }

    public void Dispose() => session.Dispose();
}

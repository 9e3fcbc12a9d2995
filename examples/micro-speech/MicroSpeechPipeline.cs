using System;

namespace TfLiteMicro.Examples.MicroSpeech;

/// <summary>Both models of the example, each in its own arena: audio → features → recognition.</summary>
public sealed class MicroSpeechPipeline : IDisposable
{
    private MicroSpeechPipeline(FeatureGenerator features, SpeechRecognizer recognizer)
    {
        Features = features;
        Recognizer = recognizer;
    }

    public FeatureGenerator Features { get; }

    public SpeechRecognizer Recognizer { get; }

    public static MicroSpeechPipeline Open()
    {
        FeatureGenerator features = FeatureGenerator.Open();
        try
        {
            return new MicroSpeechPipeline(features, SpeechRecognizer.Open());
        }
        catch
        {
            features.Dispose();
            throw;
        }
    }

    /// <summary>Labels one clip of 16 kHz mono audio (one second is what the model was trained on).</summary>
    public Recognition Recognize(ReadOnlySpan<short> audio) => Recognizer.Recognize(Features.Generate(audio));

    public void Dispose()
    {
        Recognizer.Dispose();
        Features.Dispose();
    }
}

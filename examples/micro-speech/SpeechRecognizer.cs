using System;
using TfLiteMicro.Kernels.Reference;

namespace TfLiteMicro.Examples.MicroSpeech;

/// <summary>
/// TFLM's micro_speech model (micro_speech_quantized, under 20 KB): 49 × 40 int8 features in, one probability per
/// category out — silence, unknown, yes, no.
/// </summary>
public sealed class SpeechRecognizer : IDisposable
{
    public const string ModelResource = "micro_speech_quantized.tflite";

    /// <summary>The model's output order (TFLM's kCategoryLabels).</summary>
    public static readonly string[] Labels = ["silence", "unknown", "yes", "no"];

    /// <summary>TFLM reports 7,312 bytes on a 64-bit host.</summary>
    public const int ArenaBytes = 16 * 1024;

    private readonly ModelSession session;

    private SpeechRecognizer(ModelSession session) => this.session = session;

    public int ArenaUsedBytes => session.Interpreter.ArenaUsedBytes;

    public static SpeechRecognizer Open()
    {
        OpResolver resolver = new OpResolver(4);
        Status status = resolver.AddReshape();
        if (status == Status.Ok) status = resolver.AddFullyConnected();
        if (status == Status.Ok) status = resolver.AddDepthwiseConv2D();
        if (status == Status.Ok) status = resolver.AddSoftmax();
        Resolvers.Check(resolver, status, ModelResource);
        return new SpeechRecognizer(ModelSession.Open(ModelResource, EmbeddedData.Read(ModelResource), resolver, ArenaBytes));
    }

    /// <summary>Scores one clip's features (<see cref="FeatureGenerator.FeatureCount"/> × <see cref="FeatureGenerator.FeatureSize"/>).</summary>
    public Recognition Recognize(ReadOnlySpan<sbyte> features)
    {
        TensorInfo input = session.Interpreter.Input(0);
        if (input.ElementCount != features.Length)
            throw new ArgumentException(ModelResource + " reads " + input.ElementCount + " features, got " + features.Length);
        features.CopyTo(input.DataAs<sbyte>());
        session.Invoke();
        TensorInfo output = session.Interpreter.Output(0);
        if (output.ElementCount != Labels.Length) throw new InvalidOperationException(ModelResource + ": expected " + Labels.Length + " categories");
        return new Recognition(output.DataAs<sbyte>().ToArray(), output.Quantization.Scale, output.Quantization.ZeroPoint);
    }

    public void Dispose() => session.Dispose();
}

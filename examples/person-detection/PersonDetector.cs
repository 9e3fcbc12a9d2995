using System;
using TfLiteMicro.Kernels.Reference;

namespace TfLiteMicro.Examples.PersonDetection;

/// <summary>
/// TFLM's person_detection model (MobileNetV1 0.25 on a 96×96 grayscale image) with the five ops it needs,
/// allocated once and reused for every image.
/// </summary>
public sealed class PersonDetector : IDisposable
{
    public const string ModelResource = "person_detect.tflite";
    public const int ImageWidth = 96;
    public const int ImageHeight = 96;

    /// <summary>Output order of the model (TFLM's kNotAPersonIndex = 0, kPersonIndex = 1).</summary>
    public const int NoPersonIndex = 0;
    public const int PersonIndex = 1;

    /// <summary>TFLM reports 85,024 bytes for this model on a 64-bit host; leave some room above that.</summary>
    public const int ArenaBytes = 100 * 1024;

    private readonly ModelSession session;

    private PersonDetector(ModelSession session) => this.session = session;

    public int ArenaUsedBytes => session.Interpreter.ArenaUsedBytes;

    public static PersonDetector Open()
    {
        OpResolver resolver = new OpResolver(5);
        Status status = resolver.AddConv2D();
        if (status == Status.Ok) status = resolver.AddDepthwiseConv2D();
        if (status == Status.Ok) status = resolver.AddAveragePool2D();
        if (status == Status.Ok) status = resolver.AddReshape();
        if (status == Status.Ok) status = resolver.AddSoftmax();
        Resolvers.Check(resolver, status, ModelResource);
        return new PersonDetector(ModelSession.Open(ModelResource, EmbeddedData.Read(ModelResource), resolver, ArenaBytes));
    }

    /// <summary>Scores a 96×96 grayscale image (gray levels 0–255, rows top to bottom).</summary>
    public Detection Detect(BmpImage image)
    {
        if (image.Width != ImageWidth || image.Height != ImageHeight)
            throw new ArgumentException("the model needs a " + ImageWidth + "×" + ImageHeight + " image, got " + image.Width + "×" + image.Height);
        // The input is int8 with scale 2/255 and zero point -1, i.e. gray levels 0..255 mapped onto [-1, 1]:
        // q = pixel - 128 up to rounding (the way TFLM's image providers feed cameras' 8-bit pixels).
        Span<sbyte> input = session.Interpreter.Input(0).DataAs<sbyte>();
        if (input.Length != image.Pixels.Length) throw new InvalidOperationException("unexpected input tensor size " + input.Length);
        for (int i = 0; i < input.Length; i++) input[i] = (sbyte)(image.Pixels[i] - 128);
        return Invoke();
    }

    /// <summary>Runs the model on an input already quantized (the golden files' form).</summary>
    public Detection Detect(ReadOnlySpan<sbyte> quantizedInput)
    {
        Span<sbyte> input = session.Interpreter.Input(0).DataAs<sbyte>();
        if (quantizedInput.Length != input.Length)
            throw new ArgumentException("the model reads " + input.Length + " int8 values, got " + quantizedInput.Length);
        quantizedInput.CopyTo(input);
        return Invoke();
    }

    private Detection Invoke()
    {
        session.Invoke();
        TensorInfo output = session.Interpreter.Output(0);
        ReadOnlySpan<sbyte> scores = output.DataAs<sbyte>();
        return new Detection(scores[PersonIndex], scores[NoPersonIndex], output.Quantization.Scale, output.Quantization.ZeroPoint);
    }

    public void Dispose() => session.Dispose();
}

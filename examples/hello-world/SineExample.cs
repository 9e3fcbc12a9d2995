using System;
using TfLiteMicro.Kernels.Reference;

namespace TfLiteMicro.Examples.HelloWorld;

/// <summary>
/// One of the two sine models (<see cref="FloatModel"/> or <see cref="Int8Model"/>), loaded from the executable with
/// only the ops it needs and allocated in a <see cref="ArenaBytes"/>-byte arena, ready to predict sin(x).
/// </summary>
public sealed class SineExample : IDisposable
{
    public const string FloatModel = "hello_world_float.tflite";
    public const string Int8Model = "hello_world_int8.tflite";

    /// <summary>TFLM's hello_world test uses a 3000-byte arena; the models need about 1.2 KB of it.</summary>
    public const int ArenaBytes = 3000;

    private readonly ModelSession session;

    private SineExample(ModelSession session) => this.session = session;

    public string ModelName => session.Name;

    /// <summary>Head + tail bytes the interpreter uses (TFLM's arena_used_bytes()).</summary>
    public int ArenaUsedBytes => session.Interpreter.ArenaUsedBytes;

    public static SineExample Open(string modelName)
    {
        // Register only what the models contain: three FULLY_CONNECTED layers (float or int8).
        OpResolver resolver = new OpResolver(1);
        Resolvers.Check(resolver, resolver.AddFullyConnected(), modelName);
        return new SineExample(ModelSession.Open(modelName, EmbeddedData.Read(modelName), resolver, ArenaBytes));
    }

    /// <summary>The model's estimate of sin(<paramref name="x"/>), x in [0, 2π].</summary>
    public float Predict(float x)
    {
        if (!SineModel.TryPredict(session.Interpreter, x, out float y))
            throw new InvalidOperationException(ModelName + ": " + session.Interpreter.Errors.MessageText);
        return y;
    }

    public void Dispose() => session.Dispose();
}

using System;
using System.IO;
using System.Reflection;
using TfLiteMicro;
using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Memory;
using TfLiteMicro.Schema;

namespace TfLiteMicro.Examples.HelloWorld;

/// <summary>
/// TFLM's hello_world: a tiny network that learned y = sin(x) on [0, 2π]. Runs the float and the int8 model on
/// the same inputs and prints their predictions next to the true sine.
/// </summary>
public static unsafe class Program
{
    /// <summary>TFLM's hello_world test uses a 3000-byte arena; the models need about 1.2 KB of it.</summary>
    private const int ArenaBytes = 3000;

    public static int Main(string[] args)
    {
        int steps = args.Length > 0 && int.TryParse(args[0], out int n) && n > 1 ? n : 8;
        int failures = 0;
        failures += Run("hello_world_float.tflite", steps);
        failures += Run("hello_world_int8.tflite", steps);
        return failures == 0 ? 0 : 1;
    }

    private static int Run(string modelName, int steps)
    {
        using ModelBuffer modelBytes = new ModelBuffer(ReadEmbedded(modelName));
        ErrorReporter errors = new ErrorReporter();
        if (modelBytes.TryLoadModel(errors, out Model model) != Status.Ok)
        {
            Console.Error.WriteLine($"{modelName}: {errors.MessageText}");
            return 1;
        }

        OpResolver resolver = new OpResolver(4);
        resolver.AddFullyConnected();
        resolver.AddQuantize();
        resolver.AddDequantize();

        using NativeArena arena = new NativeArena(ArenaBytes);
        MicroInterpreter interpreter = new MicroInterpreter(model, resolver, arena.Pointer, arena.Size);
        if (interpreter.AllocateTensors() != Status.Ok)
        {
            Console.Error.WriteLine($"{modelName}: {interpreter.Errors.MessageText}");
            return 1;
        }

        Console.WriteLine($"{modelName} (arena used: {interpreter.ArenaUsedBytes} bytes)");
        Console.WriteLine("       x   predicted     sin(x)");
        for (int i = 0; i < steps; i++)
        {
            float x = 2f * MathF.PI * i / (steps - 1);
            if (!SineModel.TryPredict(interpreter, x, out float y))
            {
                Console.Error.WriteLine($"{modelName}: {interpreter.Errors.MessageText}");
                return 1;
            }
            Console.WriteLine($"{x,8:F3} {y,11:F5} {MathF.Sin(x),10:F5}");
        }
        Console.WriteLine();
        return 0;
    }

    private static byte[] ReadEmbedded(string name)
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"model {name} is not embedded");
        using MemoryStream copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

using System;

namespace TfLiteMicro.Examples.HelloWorld;

/// <summary>
/// TFLM's hello_world: a tiny network that learned y = sin(x) on [0, 2π]. Runs the float and the int8 model on
/// the same inputs and prints their predictions next to the true sine.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        int steps = args.Length > 0 && int.TryParse(args[0], out int n) && n > 1 ? n : 8;
        try
        {
            Run(SineExample.FloatModel, steps);
            Run(SineExample.Int8Model, steps);
            return 0;
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    private static void Run(string modelName, int steps)
    {
        using SineExample sine = SineExample.Open(modelName);
        Console.WriteLine($"{modelName} (arena used: {sine.ArenaUsedBytes} bytes)");
        Console.WriteLine("       x   predicted     sin(x)");
        for (int i = 0; i < steps; i++)
        {
            float x = 2f * MathF.PI * i / (steps - 1);
            Console.WriteLine($"{x,8:F3} {sine.Predict(x),11:F5} {MathF.Sin(x),10:F5}");
        }
        Console.WriteLine();
    }
}

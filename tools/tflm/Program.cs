using System;

namespace TfLiteMicro.Tools;

/// <summary>Entry point of the <c>tflm</c> executable.</summary>
public static class Program
{
    public static int Main(string[] args) => Cli.Run(args, Console.Out, Console.Error);
}

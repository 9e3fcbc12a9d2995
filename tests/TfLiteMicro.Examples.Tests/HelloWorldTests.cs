using System;
using TfLiteMicro.Examples.HelloWorld;
using Xunit;

namespace TfLiteMicro.Examples.Tests;

public class HelloWorldTests
{
    /// <summary>
    /// The models are small approximations: TFLM's own example shows errors of about 0.1 near 2π. A broken kernel
    /// (zero output, wrong sign, wrong requantization) misses by far more than this.
    /// </summary>
    private const float Tolerance = 0.2f;

    [Theory]
    [InlineData(SineExample.FloatModel)]
    [InlineData(SineExample.Int8Model)]
    public void Predictions_follow_the_sine(string modelName)
    {
        using SineExample sine = SineExample.Open(modelName);
        float worst = 0;
        for (int i = 0; i <= 100; i++)
        {
            float x = 2f * MathF.PI * i / 100;
            worst = MathF.Max(worst, MathF.Abs(sine.Predict(x) - MathF.Sin(x)));
        }
        Assert.True(worst < Tolerance, modelName + ": worst error " + worst);
    }

    [Fact]
    public void The_float_and_int8_models_agree()
    {
        using SineExample floatModel = SineExample.Open(SineExample.FloatModel);
        using SineExample int8Model = SineExample.Open(SineExample.Int8Model);
        for (int i = 0; i <= 20; i++)
        {
            float x = 2f * MathF.PI * i / 20;
            float a = floatModel.Predict(x);
            float b = int8Model.Predict(x);
            Assert.True(MathF.Abs(a - b) < Tolerance, "x = " + x + ": float " + a + ", int8 " + b);
        }
    }

    [Theory]
    [InlineData(SineExample.FloatModel)]
    [InlineData(SineExample.Int8Model)]
    public void The_model_fits_the_example_arena(string modelName)
    {
        using SineExample sine = SineExample.Open(modelName);
        Assert.InRange(sine.ArenaUsedBytes, 1, SineExample.ArenaBytes);
    }

    [Fact]
    public void The_program_runs_both_models()
    {
        Assert.Equal(0, Program.Main(["4"]));
    }
}

using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using TfLiteMicro.NativeApi;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Core.Tests.NativeApi;

/// <summary>
/// The C API called the way C calls it: through unmanaged function pointers to the [UnmanagedCallersOnly]
/// exports (the AOT-linked C program in examples/c-api exercises the same functions from real C).
/// </summary>
public unsafe class NativeApiTests
{
    private static readonly delegate* unmanaged<byte*, nuint, byte*, nuint, int, void**, int> Create = &NativeExports.Create;
    private static readonly delegate* unmanaged<void*, int> AllocateTensors = &NativeExports.AllocateTensors;
    private static readonly delegate* unmanaged<void*, int> Invoke = &NativeExports.Invoke;
    private static readonly delegate* unmanaged<void*, int, nuint*, void*> InputData = &NativeExports.InputData;
    private static readonly delegate* unmanaged<void*, int, nuint*, void*> OutputData = &NativeExports.OutputData;
    private static readonly delegate* unmanaged<void*, int, int*, int, int> InputShape = &NativeExports.InputShape;
    private static readonly delegate* unmanaged<void*, int, int> OutputType = &NativeExports.OutputType;
    private static readonly delegate* unmanaged<void*, int, float*, int*, int> InputQuantization = &NativeExports.InputQuantization;
    private static readonly delegate* unmanaged<void*, nuint> ArenaUsedBytes = &NativeExports.ArenaUsedBytes;
    private static readonly delegate* unmanaged<void*, byte*, nuint, nuint> LastError = &NativeExports.LastError;
    private static readonly delegate* unmanaged<void*, void> Destroy = &NativeExports.Destroy;

    [Fact]
    public void RunsHelloWorldInt8LikeTheGolden()
    {
        byte[] modelBytes = File.ReadAllBytes(TestData.ModelFile("hello_world_int8"));
        byte* model = (byte*)NativeMemory.AlignedAlloc((nuint)modelBytes.Length, 16);
        byte* arena = (byte*)NativeMemory.AlignedAlloc(4096, 16);
        try
        {
            modelBytes.CopyTo(new Span<byte>(model, modelBytes.Length));
            void* interpreter;
            Assert.Equal(0, Create(model, (nuint)modelBytes.Length, arena, 4096, 0, &interpreter));
            Assert.True(interpreter != null);
            Assert.Equal(0, AllocateTensors(interpreter));

            int* dims = stackalloc int[8];
            Assert.Equal(2, InputShape(interpreter, 0, dims, 8));
            Assert.Equal(1, dims[0]);
            float scale;
            int zeroPoint;
            Assert.Equal(0, InputQuantization(interpreter, 0, &scale, &zeroPoint));
            Assert.Equal(-128, zeroPoint);
            Assert.Equal((int)TensorType.Int8, OutputType(interpreter, 0));

            nuint bytes;
            sbyte* input = (sbyte*)InputData(interpreter, 0, &bytes);
            Assert.Equal((nuint)1, bytes);
            // Same as the managed API on the same input.
            *input = 64;
            Assert.Equal(0, Invoke(interpreter));
            sbyte viaC = *(sbyte*)OutputData(interpreter, 0, null);
            Assert.True(ArenaUsedBytes(interpreter) > 0);

            using LoadedModel managed = LoadedModel.Shared("hello_world_int8");
            using TfLiteMicro.Memory.NativeArena managedArena = new TfLiteMicro.Memory.NativeArena(4096);
            OpResolver resolver = new OpResolver();
            TfLiteMicro.Kernels.Reference.ReferenceKernels.AddAll(resolver);
            MicroInterpreter reference = new MicroInterpreter(managed.Model, resolver, managedArena.Pointer, managedArena.Size);
            Assert.Equal(Status.Ok, reference.AllocateTensors());
            reference.Input(0).DataAs<sbyte>()[0] = 64;
            Assert.Equal(Status.Ok, reference.Invoke());
            Assert.Equal(reference.Output(0).DataAs<sbyte>()[0], viaC);
            Destroy(interpreter);
            Assert.Equal((int)Status.InvalidArgument, Invoke(interpreter));
        }
        finally
        {
            NativeMemory.AlignedFree(model);
            NativeMemory.AlignedFree(arena);
        }
    }

    [Fact]
    public void ErrorsComeBackAsStatusAndMessage()
    {
        byte* garbage = (byte*)NativeMemory.AlignedAlloc(64, 16);
        byte* arena = (byte*)NativeMemory.AlignedAlloc(64, 16);
        try
        {
            new Span<byte>(garbage, 64).Fill(0x5A);
            void* interpreter = (void*)1234;
            Assert.Equal((int)Status.MalformedModel, Create(garbage, 64, arena, 64, 0, &interpreter));
            Assert.True(interpreter == null);
            byte* message = stackalloc byte[200];
            nuint length = LastError(null, message, 200);
            Assert.True(length > 0);
            Assert.False(string.IsNullOrWhiteSpace(Encoding.ASCII.GetString(message, (int)Math.Min(length, 199))));

            byte[] modelBytes = File.ReadAllBytes(TestData.ModelFile("hello_world_int8"));
            byte* model = (byte*)NativeMemory.AlignedAlloc((nuint)modelBytes.Length, 16);
            modelBytes.CopyTo(new Span<byte>(model, modelBytes.Length));
            Assert.Equal(0, Create(model, (nuint)modelBytes.Length, arena, 64, 0, &interpreter));
            Assert.Equal((int)Status.ArenaTooSmall, AllocateTensors(interpreter));
            length = LastError(interpreter, message, 200);
            string text = Encoding.ASCII.GetString(message, (int)Math.Min(length, 199));
            Assert.Contains("arena too small", text);
            Destroy(interpreter);
            Assert.Equal((int)Status.InvalidArgument, Create(model, (nuint)modelBytes.Length, arena, 64, 99, &interpreter));
            NativeMemory.AlignedFree(model);
        }
        finally
        {
            NativeMemory.AlignedFree(garbage);
            NativeMemory.AlignedFree(arena);
        }
    }
}

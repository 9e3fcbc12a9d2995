using System;
using TfLiteMicro.Memory;
using TfLiteMicro.Profiling;
using TfLiteMicro.Schema;

namespace TfLiteMicro.BareMetal;

/// <summary>
/// Runs one embedded model on its embedded golden inputs and prints every output, in the format the firmware
/// tests parse (tests/TfLiteMicro.Firmware.Tests):
/// <code>
/// model NAME arena_used BYTES emulated E     (double instructions AllocateTensors emulated)
/// case K output I TYPE COUNT: V V V ...      (integers in decimal, float32 as 0x + IEEE-754 bits)
/// case K ticks T emulated E                  (timer ticks of Invoke alone; double instructions it emulated)
/// model NAME done
/// heap_used BYTES                            (managed heap so far: objects are never freed)
/// profile ...                                (-p:FirmwareProfile=true: ticks per operator, see OperatorProfile)
/// </code>
/// The files are <c>NAME.tflite</c> and <c>NAME.caseK_inI.npy</c>, K = 0, 1, ... for as long as case K has an
/// input 0 (the firmware build embeds every case of tests/data/models/NAME).
/// </summary>
public static unsafe class ModelRunner
{
    /// <summary>Returns 0 when every case ran, 1 otherwise (after printing why).</summary>
    /// <remarks>
    /// A firmware built with <c>-p:FirmwareProfile=true</c> then runs case 0 once more on a second interpreter with a
    /// profiler attached and prints the ticks per operator (<see cref="OperatorProfile"/>); the per-case ticks always
    /// come from the interpreter without a profiler.
    /// </remarks>
    public static int Run(ReadOnlySpan<byte> name, OpResolver resolver)
    {
        Span<byte> nameBuffer = stackalloc byte[96];
        FileName modelFile = new FileName(nameBuffer).Append(name).Append(".tflite"u8);
        if (!EmbeddedFile.TryGet(modelFile.Text, out byte* modelData, out int modelLength))
            return Fail(name, "model file is not embedded"u8, default);

        ErrorReporter errors = new ErrorReporter();
        if (Model.TryCreate(modelData, modelLength, errors, out Model model) != Status.Ok) return Fail(name, "bad model"u8, errors.Message);

        byte* arena = DeviceArena.Get(out int arenaSize);
        MicroInterpreter interpreter = new MicroInterpreter(model, resolver, arena, arenaSize);
        uint emulatedBeforeAllocation = DeviceTimer.EmulatedFpuInstructions;
        if (interpreter.AllocateTensors() != Status.Ok) return Fail(name, "AllocateTensors"u8, interpreter.Errors.Message);
        uint allocationEmulated = DeviceTimer.EmulatedFpuInstructions - emulatedBeforeAllocation;

        DeviceConsole.Write("model "u8);
        DeviceConsole.Write(name);
        DeviceConsole.Write(" arena_used "u8);
        DeviceConsole.Write(interpreter.ArenaUsedBytes);
        DeviceConsole.Write(" emulated "u8);
        DeviceConsole.WriteUnsigned(allocationEmulated);
        DeviceConsole.WriteLine();

        int k = 0;
        for (; HasCase(nameBuffer, name, k); k++)
        {
            if (!CopyInputs(interpreter, nameBuffer, name, k)) return Fail(name, "input file missing, not a supported .npy or not the tensor's size"u8, default);

            uint emulatedBefore = DeviceTimer.EmulatedFpuInstructions;
            ulong start = DeviceTimer.Ticks;
            Status status = interpreter.Invoke();
            ulong ticks = DeviceTimer.Ticks - start;
            uint emulated = DeviceTimer.EmulatedFpuInstructions - emulatedBefore;
            if (status != Status.Ok) return Fail(name, "Invoke"u8, interpreter.Errors.Message);

            for (int i = 0; i < interpreter.OutputCount; i++) PrintOutput(k, i, interpreter.Output(i));
            DeviceConsole.Write("case "u8);
            DeviceConsole.Write(k);
            DeviceConsole.Write(" ticks "u8);
            DeviceConsole.WriteUnsigned(ticks);
            DeviceConsole.Write(" emulated "u8);
            DeviceConsole.WriteUnsigned(emulated);
            DeviceConsole.WriteLine();
        }

        if (k == 0) return Fail(name, "no embedded inputs (NAME.case0_in0.npy)"u8, default);
        DeviceConsole.Write("model "u8);
        DeviceConsole.Write(name);
        DeviceConsole.WriteLine(" done"u8);
        DeviceConsole.Write("heap_used "u8);
        DeviceConsole.Write(DeviceArena.HeapUsedBytes);
        DeviceConsole.WriteLine();
#if TFLM_FIRMWARE_PROFILE
        return ProfileOneInvoke(model, resolver, nameBuffer, name);
#else
        return 0;
#endif
    }

    private static int ProfileOneInvoke(Model model, OpResolver resolver, Span<byte> nameBuffer, ReadOnlySpan<byte> name)
    {
        // The measured interpreter is done with the arena; this one takes it over.
        byte* arena = DeviceArena.Get(out int arenaSize);
        EventProfiler profiler = new EventProfiler(new DeviceTickSource(), model.GetSubgraph(0).OperatorCount + ProfilerSpareEvents);
        MicroInterpreter interpreter = new MicroInterpreter(model, resolver, new MicroAllocator(arena, arenaSize), profiler);
        if (interpreter.AllocateTensors() != Status.Ok) return Fail(name, "AllocateTensors (profiled)"u8, interpreter.Errors.Message);
        if (!CopyInputs(interpreter, nameBuffer, name, 0)) return Fail(name, "input file missing, not a supported .npy or not the tensor's size"u8, default);
        ulong start = DeviceTimer.Ticks;
        Status status = interpreter.Invoke();
        ulong ticks = DeviceTimer.Ticks - start;
        if (status != Status.Ok) return Fail(name, "Invoke (profiled)"u8, interpreter.Errors.Message);
        OperatorProfile.Print(profiler, model, (long)ticks);
        return 0;
    }

    // Room for the events of subgraphs that control-flow operators run (IF, WHILE, CALL_ONCE).
    private const int ProfilerSpareEvents = 64;

    private static bool CopyInputs(MicroInterpreter interpreter, Span<byte> nameBuffer, ReadOnlySpan<byte> name, int caseIndex)
    {
        for (int i = 0; i < interpreter.InputCount; i++)
        {
            FileName inputFile = new FileName(nameBuffer).Append(name).Append(".case"u8).Append(caseIndex).Append("_in"u8).Append(i).Append(".npy"u8);
            if (!EmbeddedFile.TryGet(inputFile.Text, out ReadOnlySpan<byte> npy) || !NpyArray.TryParse(npy, out NpyArray values)) return false;
            Span<byte> input = interpreter.Input(i).DataBytes;
            if (values.Data.Length != input.Length) return false;
            values.Data.CopyTo(input);
        }
        return true;
    }

    /// <summary>
    /// Makes the interpreter fail twice on the embedded model and prints what it reports, for the tests of message
    /// text (a TFLM_STRIP_ERROR_STRINGS image must still give the status, the operator's name and the byte counts):
    /// <code>
    /// error_report NAME resolver STATUS: MESSAGE    (an empty resolver: the operators the model needs are missing)
    /// error_report NAME arena STATUS: MESSAGE       (an arena of 128 bytes: too small, with the bytes needed)
    /// </code>
    /// Called after <see cref="Run"/> (its heap_used line is the setup of the model itself).
    /// </summary>
    public static void ReportErrors(ReadOnlySpan<byte> name, OpResolver resolver)
    {
        Span<byte> nameBuffer = stackalloc byte[96];
        FileName modelFile = new FileName(nameBuffer).Append(name).Append(".tflite"u8);
        ErrorReporter errors = new ErrorReporter();
        if (!EmbeddedFile.TryGet(modelFile.Text, out byte* modelData, out int modelLength)
            || Model.TryCreate(modelData, modelLength, errors, out Model model) != Status.Ok)
        {
            return;
        }
        byte* arena = DeviceArena.Get(out int arenaSize);
        MicroInterpreter unresolved = new MicroInterpreter(model, new OpResolver(1), arena, arenaSize);
        PrintError(name, "resolver"u8, unresolved.AllocateTensors(), unresolved.Errors.Message);
        MicroInterpreter cramped = new MicroInterpreter(model, resolver, arena, 128);
        PrintError(name, "arena"u8, cramped.AllocateTensors(), cramped.Errors.Message);
    }

    private static void PrintError(ReadOnlySpan<byte> name, ReadOnlySpan<byte> what, Status status, ReadOnlySpan<byte> message)
    {
        DeviceConsole.Write("error_report "u8);
        DeviceConsole.Write(name);
        DeviceConsole.Write(" "u8);
        DeviceConsole.Write(what);
        DeviceConsole.Write(" "u8);
        DeviceConsole.Write((int)status);
        DeviceConsole.Write(": "u8);
        DeviceConsole.Write(message);
        DeviceConsole.WriteLine();
    }

    private static bool HasCase(Span<byte> nameBuffer, ReadOnlySpan<byte> name, int caseIndex)
    {
        FileName file = new FileName(nameBuffer).Append(name).Append(".case"u8).Append(caseIndex).Append("_in0.npy"u8);
        return EmbeddedFile.TryGet(file.Text, out byte* _, out int _);
    }

    private static void PrintOutput(int caseIndex, int outputIndex, TensorInfo output)
    {
        DeviceConsole.Write("case "u8);
        DeviceConsole.Write(caseIndex);
        DeviceConsole.Write(" output "u8);
        DeviceConsole.Write(outputIndex);
        int count = output.ElementCount;
        switch (output.Type)
        {
            case TensorType.Float32:
                Header("float32"u8, count);
                Span<uint> bits = output.DataAs<uint>();
                for (int e = 0; e < count; e++)
                {
                    DeviceConsole.Write(" "u8);
                    DeviceConsole.WriteHex(bits[e]);
                }
                break;
            case TensorType.Int8:
                Header("int8"u8, count);
                Span<sbyte> int8 = output.DataAs<sbyte>();
                for (int e = 0; e < count; e++) Value(int8[e]);
                break;
            case TensorType.UInt8:
                Header("uint8"u8, count);
                Span<byte> uint8 = output.DataAs<byte>();
                for (int e = 0; e < count; e++) Value(uint8[e]);
                break;
            case TensorType.Int16:
                Header("int16"u8, count);
                Span<short> int16 = output.DataAs<short>();
                for (int e = 0; e < count; e++) Value(int16[e]);
                break;
            case TensorType.Int32:
                Header("int32"u8, count);
                Span<int> int32 = output.DataAs<int>();
                for (int e = 0; e < count; e++) Value(int32[e]);
                break;
            default:
                Header("unsupported"u8, 0);
                break;
        }
        DeviceConsole.WriteLine();
    }

    private static void Header(ReadOnlySpan<byte> type, int count)
    {
        DeviceConsole.Write(" "u8);
        DeviceConsole.Write(type);
        DeviceConsole.Write(" "u8);
        DeviceConsole.Write(count);
        DeviceConsole.Write(":"u8);
    }

    private static void Value(long value)
    {
        DeviceConsole.Write(" "u8);
        DeviceConsole.Write(value);
    }

    private static int Fail(ReadOnlySpan<byte> name, ReadOnlySpan<byte> what, ReadOnlySpan<byte> detail)
    {
        DeviceConsole.Write("model "u8);
        DeviceConsole.Write(name);
        DeviceConsole.Write(" failed: "u8);
        DeviceConsole.Write(what);
        if (detail.Length > 0)
        {
            DeviceConsole.Write(": "u8);
            DeviceConsole.Write(detail);
        }
        DeviceConsole.WriteLine();
        return 1;
    }
}

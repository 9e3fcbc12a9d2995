namespace TfLiteMicro.Tools;

/// <summary>The --help texts of <c>tflm</c> and its sub-commands.</summary>
internal static class HelpText
{
    public const string Main =
        """
        tflm - inspect and run TensorFlow Lite models with TfLiteMicro's reference kernels

        Usage:
          tflm inspect MODEL [--json]
          tflm run MODEL --input IN0.npy [--input IN1.npy ...] --output-dir DIR [--arena BYTES] [--trace DIR]
          tflm bench MODEL [--kernels NAME] [--iterations N] [--warmup N] [--json]
          tflm compress MODEL -o OUT [--cluster N] [--tensors S:T,...] [--write-uncompressed PATH] [--json]
          tflm resolver [MODEL...] [--ops NAME,...] [-o FILE.cs] [--class NAME] [--namespace NAME] [--public] [--uint8] [--list]
          tflm help [COMMAND]

        Commands:
          inspect   Print subgraphs, operators, tensors, the operators the model needs and the planned arena size.
          run       Run the model once on .npy inputs and write its outputs as .npy files.
          bench     Time Invoke: median and min microseconds, per-operator breakdown, arena bytes.
          compress  LUT-compress constant tensors (TFLM's COMPRESSION_METADATA) and report the flash saved.
          resolver  Generate C# that registers only the kernels the models need (firmware, the C library).

        Exit codes: 0 success, 1 model/input/runtime error, 2 usage error.
        Run 'tflm COMMAND --help' for the options of a command.

        """;

    public const string Inspect =
        """
        Usage: tflm inspect MODEL [--json]

        Prints what MODEL (.tflite) contains: every subgraph with its operators in execution order (index, name,
        input and output tensor indices) and tensors (index, name, type, shape, quantization, constant/variable).
        Each operator node says "supported" or exactly why it cannot run with the reference kernels: not
        registered (an "ethos-u" node needs an Arm Ethos-U NPU), or the kernel's own Init/Prepare message (a type
        or shape TFLM does not support either); every node is checked, not just the first failing one. Then the
        distinct operators the model needs, and the arena size planned in a 64 MiB trial arena (or why it cannot).

        Options:
          --json      Print one JSON object with the same content instead of text.
          -h, --help  Show this help.

        """;

    public const string Run =
        """
        Usage: tflm run MODEL --input IN0.npy [--input IN1.npy ...] --output-dir DIR [--arena BYTES] [--trace DIR]

        Runs MODEL once with the reference kernels. The inputs are .npy files given in the model's input order;
        each must match its input tensor's dtype and shape exactly (integer models take already-quantized data).
        Writes DIR/output0.npy, DIR/output1.npy, ... with the output tensors' dtypes and shapes, and prints the
        arena bytes used.

        Options:
          --input FILE       A .npy input; repeat once per model input, in order.
          --output-dir DIR   Where to write outputN.npy (created if missing).
          --arena BYTES      Use an arena of exactly BYTES bytes (default 16 MiB), so a too-small arena fails
                             with the number of bytes the model needs.
          --trace DIR        Keep every tensor alive and write each operator's outputs as
                             DIR/opNNN_<OP>_out<S>.npy plus DIR/index.tsv (op_index, op, output, tensor, dtype,
                             shape, status).
          -h, --help         Show this help.

        """;

    public const string Bench =
        """
        Usage: tflm bench MODEL [--kernels NAME] [--iterations N] [--warmup N] [--json]

        Times Invoke of MODEL on fixed pseudo-random inputs, single thread: runs N warm-up invocations, then times
        each of the measured ones alone and prints the median, min and mean microseconds per Invoke, the time per
        operator type from the profiler, and the arena bytes used. Timings are measurements, not pass/fail checks.

        Options:
          --kernels NAME    Kernel set: reference (default).
          --iterations N    Timed invocations (default 100).
          --warmup N        Untimed invocations first (default 10).
          --json            Print one JSON object: model, kernels, iterations, warmup, median_us, min_us, mean_us,
                            arena_bytes, operators[] {name, nodes, us_per_invoke, share}.
          -h, --help        Show this help.

        """;

    public const string Resolver =
        """
        Usage: tflm resolver [MODEL...] [--ops NAME,...] [-o FILE.cs] [--class NAME] [--namespace NAME] [--public] [--uint8] [--list]

        Writes C# source of a static class whose AddTo(OpResolver) registers the reference kernel of every operator
        the MODELs contain plus the --ops listed (builtin names such as FULLY_CONNECTED, or custom names such as
        CIRCULAR_BUFFER), and nothing else: a firmware image or the C library then links only those kernels
        (unregistered kernels are not compiled in). An operator without a reference kernel is an error naming it.

        Options:
          --ops NAME,...       Operators to register besides the models' (comma or space separated).
          -o, --output FILE    Where to write the source (default: standard output).
          --class NAME         Class name (default ModelOperators).
          --namespace NAME     Namespace (default TfLiteMicro.Generated).
          --public             Make the class public (default internal).
          --uint8              Also link the legacy uint8 kernels (ReferenceKernels.EnableLegacyUInt8; automatic
                               when a MODEL has uint8 tensors; a device links them only on request).
          --list               Print every operator with a reference kernel and its registration method.
          -h, --help           Show this help.

        """;

    public const string Compress =
        """
        Usage: tflm compress MODEL -o OUT [--cluster N] [--tensors S:T,...] [--write-uncompressed PATH] [--json]

        Writes OUT: MODEL with its constant tensors compressed as TFLM's LUT compression stores them (packed
        indices into per-tensor or per-channel value tables, COMPRESSION_METADATA; see docs/compression.md). A
        tensor is compressed when every operator reading it decompresses that input (FULLY_CONNECTED, CONV_2D,
        DEPTHWISE_CONV_2D and TRANSPOSE_CONV weights and bias, CONCATENATION inputs, ASSIGN_VARIABLE's value), its
        type is FLOAT32/INT8/INT16/INT32/INT64/BOOL, it has at most 128 distinct values per channel and it gets
        smaller. Prints one line per tensor (compressed, or kept and why) and the flash saved.

        Without --cluster the compression is lossless: OUT computes exactly what MODEL computes. Trained int8
        weights usually have more than 128 distinct values per channel; --cluster N first replaces each channel's
        float32/int8/int16 weights by N representatives (k-means), which changes the results: OUT then computes
        exactly what the clustered model written by --write-uncompressed computes.

        Options:
          -o, --output OUT            Where to write the compressed model (required).
          --cluster N                 Cluster weights to N values per channel first (2..128).
          --tensors S:T,...           Only these tensors (SUBGRAPH:TENSOR, or TENSOR of subgraph 0).
          --write-uncompressed PATH   Also write the model with only the clustering applied.
          --json                      Print one JSON object: sizes and one entry per tensor.
          -h, --help                  Show this help.

        """;
}

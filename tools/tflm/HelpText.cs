using TfLiteMicro.Tools.Models;

namespace TfLiteMicro.Tools;

/// <summary>The --help texts of <c>tflm</c> and its sub-commands (kernel sets listed from ports/kernel-sets).</summary>
internal static class HelpText
{
    /// <summary>The kernel sets, one per line, under the --kernels option of every command.</summary>
    private static readonly string KernelSets = "\n" + KernelSetOption.HelpLines("                    ");

    /// <summary>The kernel sets, one per line, for the main help.</summary>
    private static readonly string KernelSetList = KernelSetOption.HelpLines("  ");

    public static readonly string Main =
        """
        tflm - inspect, run, benchmark and plan TensorFlow Lite models with TfLiteMicro

        Usage:
          tflm inspect MODEL [--json]
          tflm run MODEL --input IN0.npy [--input IN1.npy ...] --output-dir DIR [--kernels NAME] [--arena BYTES] [--trace DIR]
          tflm bench MODEL [--input IN.npy ...] [--kernels NAME] [--warmup SECONDS] [--iterations N] [--json]
          tflm plan MODEL [--kernels NAME] [--svg OUT.svg] [--json]
          tflm eval MODEL --data DIR [--kernels NAME] [--threads N] [--output-dir DIR]
          tflm resolver MODEL [MODEL ...] [--namespace NS] [--class NAME] [-o OUT.cs]
          tflm compress MODEL -o OUT [--cluster N] [--tensors S:T,...] [--write-uncompressed PATH] [--json]
          tflm help [COMMAND]

        Commands:
          inspect   Subgraphs, operators (each supported or why not), tensors, and the arena each kernel set needs.
          run       Run the model once on .npy inputs and write its outputs as .npy files.
          bench     Time Invoke after a warm-up: median and min microseconds, per-operator breakdown, arena bytes.
          plan      Where every tensor lives in the arena and when (offset, size, lifetime); --svg draws it.
          eval      Run every input of a folder, one interpreter per core: output per file, throughput.
          resolver  Write C# that registers exactly the operators a model needs (for firmware and small apps).
          compress  LUT-compress constant tensors (TFLM's COMPRESSION_METADATA) and report the flash saved.

        Kernel sets (--kernels NAME):

        """ + KernelSetList + """

        Exit codes: 0 success, 1 model/input/runtime error, 2 usage error.
        Run 'tflm COMMAND --help' for the options of a command.

        """;

    public static readonly string Inspect =
        """
        Usage: tflm inspect MODEL [--json]

        Prints what MODEL (.tflite) contains: every subgraph with its operators in execution order (index, name,
        input and output tensor indices) and tensors (index, name, type, shape, quantization, constant/variable).
        Each operator node says "supported" or exactly why it cannot run with the reference kernels: not
        registered (an "ethos-u" node needs an Arm Ethos-U NPU), or the kernel's own Init/Prepare message (a type
        or shape TFLM does not support either); every node is checked, not just the first failing one. Then the
        distinct operators the model needs (duplicate operator-code entries merged), and the arena: the bytes it
        requires (give an interpreter at least this; --arena for 'tflm run') and uses, for every kernel set.

        Options:
          --json      Print one JSON object with the same content instead of text.
          -h, --help  Show this help.

        """;

    public static readonly string Run =
        """
        Usage: tflm run MODEL --input IN0.npy [--input IN1.npy ...] --output-dir DIR [--kernels NAME] [--arena BYTES] [--trace DIR]

        Runs MODEL once. The inputs are .npy files given in the model's input order; each must match its input
        tensor's dtype and shape exactly (integer models take already-quantized data). Writes DIR/output0.npy,
        DIR/output1.npy, ... with the output tensors' dtypes and shapes, and prints the arena bytes used.

        Options:
          --input FILE       A .npy input; repeat once per model input, in order.
          --output-dir DIR   Where to write outputN.npy (created if missing).
          --kernels NAME     Kernel set (default reference):
        """ + KernelSets + """
          --arena BYTES      Use an arena of exactly BYTES bytes (default 16 MiB), so a too-small arena fails
                             with the number of bytes the model needs.
          --trace DIR        Keep every tensor alive and write each operator's outputs as
                             DIR/opNNN_<OP>_out<S>.npy plus DIR/index.tsv (op_index, op, output, tensor, dtype,
                             shape, status).
          -h, --help         Show this help.

        """;

    public static readonly string Bench =
        """
        Usage: tflm bench MODEL [--input IN.npy ...] [--kernels NAME] [--warmup SECONDS] [--iterations N] [--json]

        Times Invoke of MODEL on one thread. First invokes untimed for the warm-up time and until the time per call
        settles (the JIT optimises hot code in tiers, in the background: without a warm-up early invocations time
        unoptimised code; capped at 30 s), then times each measured invocation
        alone, with no profiler attached, and prints the median, min and mean microseconds per Invoke; then a
        separate profiled run gives the time per operator type. A progress bar shows on a terminal. Timings are
        measurements, not pass/fail checks.

        Options:
          --input FILE      A .npy input per model input, in order (default: fixed pseudo-random data; models that
                            need valid values, such as token ids, need real inputs).
          --kernels NAME    Kernel set (default reference):
        """ + KernelSets + """
          --warmup SECONDS  Untimed invocations for at least this long, and until the time per call settles, first
                            (default 0.5; 0: a single untimed call).
          --iterations N    Timed invocations (default: as many as fit in 1 s, at least 20).
          --json            Print one JSON object: model, kernels, iterations, warmup_seconds, warmup_invokes,
                            inputs_from_files, median_us, min_us, mean_us, arena_bytes,
                            operators[] {name, nodes, us_per_invoke, share}.
          -h, --help        Show this help.

        """;

    public static readonly string Plan =
        """
        Usage: tflm plan MODEL [--kernels NAME] [--svg OUT.svg] [--json]

        Allocates MODEL with the kernel set and prints the arena's memory plan, the picture behind an arena size:
        for every tensor the planner placed in the arena's head, its offset and size and its lifetime (the first and
        last operator step it must stay alive), plus the head, the tail (persistent data: op data, variable tensors,
        repacked weights) and the arena required. Constant tensors stay in the model and are not listed.

        Options:
          --kernels NAME    Kernel set (default reference):
        """ + KernelSets + """
          --svg FILE        Also draw the plan: time (operator steps) across, arena offset down, one box per tensor.
          --json            Print the plan as one JSON object instead of text.
          -h, --help        Show this help.

        """;

    public static readonly string Eval =
        """
        Usage: tflm eval MODEL --data DIR [--kernels NAME] [--threads N] [--output-dir DIR]

        Runs every input of DIR through MODEL, on independent interpreters (one per thread, each with its own
        arena), and prints one line per input (its outputs: the top class and score for a classifier, else the
        first values), then the throughput. An input is one .npy file (a model with one input) or the files
        NAME_in0.npy, NAME_in1.npy, ... (one per model input; case0_in0.npy is the golden data's naming); other
        .npy files (e.g. NAME_out0.npy) are ignored. A progress bar shows on a terminal.

        Options:
          --data DIR        The folder of inputs (required).
          --kernels NAME    Kernel set (default reference):
        """ + KernelSets + """
          --threads N       Interpreters running at once (default: the number of cores).
          --output-dir DIR  Also write each input's outputs as DIR/NAME_outJ.npy.
          -h, --help        Show this help.

        """;

    public static readonly string Resolver =
        """
        Usage: tflm resolver MODEL [MODEL ...] [--namespace NS] [--class NAME] [-o OUT.cs]

        Writes C# source with one method, Register(OpResolver), that registers exactly the operators the models
        use with the reference kernels (resolver.AddConv2D(), ...), and the OperatorCount to size the resolver
        with. Firmware registers only what it needs this way: what is not registered is not linked into the image.
        Several models (run by one program) get the union of their operators.

        Options:
          --namespace NS    Namespace of the class (default TfLiteMicro.Generated).
          --class NAME      Class name (default ModelOperators).
          -o, --output FILE Write the source to FILE instead of standard output.
          -h, --help        Show this help.

        """;

    public static readonly string Compress =
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

using TfLiteMicro.Ports;
using TfLiteMicro.Schema;

namespace TfLiteMicro.Testing;

/// <summary>
/// A deliberately broken "port" for the coverage tests: it overrides every kernel of the reference set with a wrapper
/// that runs the reference kernel and then corrupts the first bytes of its first output. Run through the test
/// helpers under <see cref="TestKernelSets.Substitute"/>, every kernel, golden and model test must fail with it —
/// proof that those helpers really run the named set's kernels, so a new port in ports/kernel-sets is covered.
/// </summary>
public static class CorruptingPort
{
    public const string Name = "corrupting-test-port";

    /// <summary>The broken set (not in <see cref="KernelSets.All"/>; use it through <see cref="TestKernelSets.Substitute"/>).</summary>
    public static readonly KernelSet Set = new KernelSet(Name, "test only: every kernel corrupts its first output", OverrideAll);

    private static Status OverrideAll(OpResolver resolver)
    {
        int count = resolver.Count;
        for (int slot = 0; slot < count; slot++)
        {
            OpKernel wrapped = new CorruptingKernel(resolver.GetKernel(slot));
            OperatorName name = resolver.GetName(slot);
            Status status = name.Code == BuiltinOperator.CUSTOM
                ? resolver.OverrideCustom(name.Utf8, wrapped)
                : resolver.Override(name.Code, wrapped);
            if (status != Status.Ok) return status;
        }
        return Status.Ok;
    }

    private sealed unsafe class CorruptingKernel : OpKernel
    {
        private readonly OpKernel inner;

        public CorruptingKernel(OpKernel inner) => this.inner = inner;

        public override Status Init(KernelContext context, ref Node node) => inner.Init(context, ref node);

        public override Status Prepare(KernelContext context, ref Node node) => inner.Prepare(context, ref node);

        public override void Reset(KernelContext context, ref Node node) => inner.Reset(context, ref node);

        public override void Free(KernelContext context, ref Node node) => inner.Free(context, ref node);

        public override Status Invoke(KernelContext context, ref Node node)
        {
            Status status = inner.Invoke(context, ref node);
            if (status != Status.Ok || node.Outputs[0] < 1) return status;
            ref EvalTensor output = ref context.GetOutput(ref node, 0);
            if (output.Data == null) return status;
            // Up to four bytes: for float32 this reaches the exponent, 8-bit values move by 59. Not an involution, so
            // nested kernels (IF running a corrupted ADD, then corrupting its copy) cannot undo each other.
            byte* bytes = (byte*)output.Data;
            int count = output.ByteCount < 4 ? output.ByteCount : 4;
            for (int i = 0; i < count; i++) bytes[i] = (byte)(bytes[i] + 59);
            return status;
        }
    }
}

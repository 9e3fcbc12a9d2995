#if BAREMETAL
using System.Runtime;
using System.Runtime.CompilerServices;

namespace TfLiteMicro.Ports.CmsisNn
{
    /// <summary>
    /// The Thumb-2 microkernels of native/ (cmsis_nn_microkernels.h), which the firmware build compiles for boards with
    /// the DSP extension. <c>[RuntimeImport]</c> makes each a plain branch-and-link to the C symbol: measured on the
    /// Cortex-M4 (QEMU, -icount shift=0) it costs what a call to a managed method costs, where a <c>DllImport</c> with
    /// <c>--directpinvoke</c> costs about twice that even with <c>SuppressGCTransition</c> (docs/writing-a-port.md).
    /// Device only: on the host the C# twins run (<see cref="Microkernels"/>).
    /// </summary>
    internal static unsafe class NativeMicrokernels
    {
        private const string Native = "*";

        [MethodImpl(MethodImplOptions.InternalCall)]
        [RuntimeImport(Native, "tflm_cmsisnn_widen_s8")]
        internal static extern void WidenS8(sbyte* source, short* destination, int depth, int inputOffset, int groupStride);

        [MethodImpl(MethodImplOptions.InternalCall)]
        [RuntimeImport(Native, "tflm_cmsisnn_conv_block_s8_s16")]
        internal static extern void ConvBlockS8S16(GemmParameters* gemm, short* columns, sbyte* output, int columnCount);

        [MethodImpl(MethodImplOptions.InternalCall)]
        [RuntimeImport(Native, "tflm_cmsisnn_vector_matrix_s8_s16")]
        internal static extern void VectorMatrixS8S16(GemmParameters* gemm, short* vector, sbyte* output);

        [MethodImpl(MethodImplOptions.InternalCall)]
        [RuntimeImport(Native, "tflm_cmsisnn_depthwise_row_s8")]
        internal static extern void DepthwiseRowS8(DepthwiseParameters* depthwise, sbyte* input, int firstFilterRow, int filterRows, sbyte* output);

        [MethodImpl(MethodImplOptions.InternalCall)]
        [RuntimeImport(Native, "tflm_cmsisnn_rescale_table_s8")]
        internal static extern void RescaleTableS8(int* table, int offset, int leftShift, int multiplier, int shift);

        [MethodImpl(MethodImplOptions.InternalCall)]
        [RuntimeImport(Native, "tflm_cmsisnn_add_s8")]
        internal static extern void AddS8(AddParameters* add, sbyte* input1, sbyte* input2, sbyte* output, int count);

        [MethodImpl(MethodImplOptions.InternalCall)]
        [RuntimeImport(Native, "tflm_cmsisnn_average_pool_s8")]
        internal static extern void AveragePoolS8(PoolParameters* pool, sbyte* input, int rows, int cols, sbyte* output);

        [MethodImpl(MethodImplOptions.InternalCall)]
        [RuntimeImport(Native, "tflm_cmsisnn_max_pool_s8")]
        internal static extern void MaxPoolS8(PoolParameters* pool, sbyte* input, int rows, int cols, sbyte* output);
    }
}

namespace System.Runtime
{
    /// <summary>
    /// ilc binds an <c>extern</c> method marked with an attribute of this name to the native symbol it names (the
    /// NativeAOT runtime's own mechanism, recognised by namespace and name), so the port declares its own copy.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    internal sealed class RuntimeImportAttribute : Attribute
    {
        public RuntimeImportAttribute(string lib, string entry)
        {
            Library = lib;
            EntryPoint = entry;
        }

        public string Library { get; }

        public string EntryPoint { get; }
    }
}
#endif

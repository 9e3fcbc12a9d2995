using System;
using TfLiteMicro.Ports.CmsisNn;

namespace TfLiteMicro.Firmware.CmsisNnChecks;

/// <summary>
/// Every cmsis-nn microkernel on pseudo-random data, over sizes chosen to reach every tail path: depths that are not
/// a multiple of four, odd row and channel counts, 1–4 columns, depth multipliers 1/4/8, filters from 1×1 to 5×5
/// with strides, dilations and padding, left and right shifts, clamped and full-range activations, broadcast ADD
/// rows and both ADD paths, pooling windows from none to 272 pixels. Each check returns a hash of exactly the bytes the microkernel's contract defines. On
/// the device <see cref="Microkernels"/> runs the native Thumb-2 code; on the host (the firmware tests compile this
/// file too) the C# twins — equal hashes mean equal outputs.
/// </summary>
public sealed unsafe class MicrokernelChecks
{
    private const int WidenChecks = 24;
    private const int ConvBlockChecks = 48;
    private const int VectorMatrixChecks = 32;
    private const int DepthwiseChecks = 64;
    private const int AddChecks = 32;
    private const int PoolChecks = 32;

    public const int Count = WidenChecks + ConvBlockChecks + VectorMatrixChecks + DepthwiseChecks + AddChecks + PoolChecks;

    private const int BufferBytes = 16384;

    private readonly sbyte[] input = new sbyte[BufferBytes];
    private readonly sbyte[] weights = new sbyte[BufferBytes];
    private readonly short[] columns = new short[BufferBytes / 2];
    private readonly sbyte[] output = new sbyte[BufferBytes];
    private readonly int[] bias = new int[512];
    private readonly int[] multipliers = new int[512];
    private readonly int[] shifts = new int[512];
    private readonly int[] tables = new int[512];
    private uint state;

    public static ReadOnlySpan<byte> Name(int check) =>
        check < WidenChecks ? "widen_s8"u8
        : check < WidenChecks + ConvBlockChecks ? "conv_block_s8_s16"u8
        : check < WidenChecks + ConvBlockChecks + VectorMatrixChecks ? "vector_matrix_s8_s16"u8
        : check < WidenChecks + ConvBlockChecks + VectorMatrixChecks + DepthwiseChecks ? "depthwise_row_s8"u8
        : check < Count - PoolChecks ? "add_s8"u8
        : check % 2 == 0 ? "average_pool_s8"u8 : "max_pool_s8"u8;

    /// <summary>Runs check <paramref name="check"/> and returns the FNV-1a hash of its outputs.</summary>
    public ulong Run(int check)
    {
        state = (uint)(check * 2654435761u) | 1u;
        fixed (sbyte* inputData = input)
        fixed (sbyte* weightData = weights)
        fixed (short* columnData = columns)
        fixed (sbyte* outputData = output)
        fixed (int* biasData = bias)
        fixed (int* multiplierData = multipliers)
        fixed (int* shiftData = shifts)
        fixed (int* tableData = tables)
        {
            Fill(inputData, BufferBytes);
            Fill(weightData, BufferBytes);
            Fill((sbyte*)outputData, BufferBytes);
            for (int i = 0; i < BufferBytes / 2; i++) columnData[i] = (short)Next(-255, 255);
            for (int i = 0; i < 512; i++)
            {
                biasData[i] = Next(0, 8) == 0 ? Next(int.MinValue / 2, int.MaxValue / 2) : Next(-(1 << 20), 1 << 20);
                multiplierData[i] = (1 << 30) + Next(0, (1 << 30) - 1);
                shiftData[i] = Next(-12, 1);
            }

            int index = check;
            if (index < WidenChecks) return Widen(index, inputData, columnData);
            index -= WidenChecks;
            if (index < ConvBlockChecks) return ConvBlock(index, weightData, biasData, multiplierData, shiftData, columnData, outputData);
            index -= ConvBlockChecks;
            if (index < VectorMatrixChecks) return VectorMatrix(index, weightData, biasData, multiplierData, shiftData, columnData, outputData);
            index -= VectorMatrixChecks;
            if (index < DepthwiseChecks) return Depthwise(index, inputData, weightData, biasData, multiplierData, shiftData, outputData);
            index -= DepthwiseChecks;
            if (index < AddChecks) return Add(index, inputData, weightData, tableData, outputData);
            index -= AddChecks;
            return Pool(index, check % 2 == 1, inputData, outputData);
        }
    }

    private ulong Widen(int index, sbyte* source, short* destination)
    {
        int depth = 1 + index * 5 % 71;
        int offset = Next(-128, 128);
        int groupStride = index % 2 == 0 ? Microkernels.Group : Microkernels.Group * Microkernels.Columns;
        Microkernels.WidenS8(source, destination, depth, offset, groupStride);
        ulong hash = Basis;
        for (int g = 0; g < (depth + 3) / 4; g++) hash = Hash(hash, (byte*)(destination + g * groupStride), 4 * sizeof(short));
        return hash;
    }

    private ulong ConvBlock(int index, sbyte* weights, int* bias, int* multipliers, int* shifts, short* columns, sbyte* output)
    {
        ReadOnlySpan<int> depths = [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 16, 27, 33, 64, 75, 144];
        GemmParameters gemm = new GemmParameters
        {
            Weights = weights,
            Bias = index % 3 == 0 ? null : bias,
            Multiplier = multipliers,
            Shift = shifts,
            Rows = 1 + index % 9 + (index % 5 == 0 ? 8 : 0),
            Depth = depths[index % depths.Length],
            QuantStep = 1,
            OutputOffset = Next(-128, 127),
            OutputStride = 0,
        };
        Activation(index, ref gemm.ActivationMin, ref gemm.ActivationMax);
        if (index % 7 == 3) shifts[0] = 2;
        gemm.OutputStride = gemm.Rows + index % 3;
        int columnCount = 1 + index % Microkernels.Columns;
        Microkernels.ConvBlockS8S16(&gemm, columns, output, columnCount);
        ulong hash = Basis;
        for (int j = 0; j < columnCount; j++) hash = Hash(hash, (byte*)(output + j * gemm.OutputStride), gemm.Rows);
        return hash;
    }

    private ulong VectorMatrix(int index, sbyte* weights, int* bias, int* multipliers, int* shifts, short* vector, sbyte* output)
    {
        ReadOnlySpan<int> depths = [1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 31, 64, 100, 128];
        ReadOnlySpan<int> rows = [1, 2, 3, 4, 5, 7, 8, 16, 33];
        GemmParameters gemm = new GemmParameters
        {
            Weights = weights,
            Bias = index % 4 == 1 ? null : bias,
            Multiplier = multipliers,
            Shift = shifts,
            Rows = rows[index % rows.Length],
            Depth = depths[index % depths.Length],
            QuantStep = index % 2,
            OutputOffset = Next(-128, 127),
        };
        Activation(index, ref gemm.ActivationMin, ref gemm.ActivationMax);
        if (index % 5 == 2) shifts[0] = 1;
        Microkernels.VectorMatrixS8S16(&gemm, vector, output);
        return Hash(Basis, (byte*)output, gemm.Rows);
    }

    private ulong Depthwise(int index, sbyte* input, sbyte* weights, int* bias, int* multipliers, int* shifts, sbyte* output)
    {
        ReadOnlySpan<int> inputChannels = [1, 2, 3, 4, 5, 7, 8, 12, 16];
        ReadOnlySpan<int> depthMultipliers = [1, 1, 1, 4, 8];
        int depthMultiplier = depthMultipliers[index % depthMultipliers.Length];
        int inChannels = inputChannels[index / 5 % inputChannels.Length];
        if (depthMultiplier > 1) inChannels = 1 + inChannels % 3;
        int channels = inChannels * depthMultiplier;
        int filterWidth = index % 4 == 0 ? 3 : 1 + index % 5;
        int filterHeight = index % 4 == 0 ? 3 : 1 + index / 3 % 5;
        int stride = 1 + index / 2 % 3;
        int dilation = index % 6 == 5 ? 2 : 1;
        int padding = index / 4 % 3;
        int inputWidth = 1 + index * 7 % 13;
        int dilatedWidth = (filterWidth - 1) * dilation + 1;
        int outputWidth = 1 + Math.Max(0, (inputWidth + 2 * padding - dilatedWidth) / stride) + index % 2;
        int firstFilterRow = index / 7 % filterHeight;
        int filterRows = filterHeight - firstFilterRow - index / 11 % (filterHeight - firstFilterRow);
        int dilationHeight = 1 + index % 2;
        DepthwiseParameters dw = new DepthwiseParameters
        {
            Weights = weights,
            Bias = index % 5 == 4 ? null : bias,
            Multiplier = multipliers,
            Shift = shifts,
            Channels = channels,
            DepthMultiplier = depthMultiplier,
            InputWidth = inputWidth,
            OutputWidth = outputWidth,
            FilterWidth = filterWidth,
            StrideWidth = stride,
            DilationWidth = dilation,
            PaddingWidth = padding,
            FilterRowStride = dilationHeight * inputWidth * inChannels,
            InputOffset = Next(-127, 128),
            OutputOffset = Next(-128, 127),
        };
        Activation(index, ref dw.ActivationMin, ref dw.ActivationMax);
        if (index % 3 == 1) shifts[index % channels] = index % 2;
        Microkernels.DepthwiseRowS8(&dw, input, firstFilterRow, filterRows, output);
        return Hash(Basis, (byte*)output, outputWidth * channels);
    }

    private ulong Add(int index, sbyte* input1, sbyte* input2, int* tables, sbyte* output)
    {
        int count = index % 8 == 7 ? 1000 + index : 1 + index * 3 % 37;
        AddParameters add = new AddParameters
        {
            Input1Offset = Next(-127, 128),
            Input2Offset = Next(-127, 128),
            LeftShift = 20,
            Input1Multiplier = (1 << 30) + Next(0, (1 << 30) - 1),
            Input1Shift = Next(-6, 0),
            Input2Multiplier = (1 << 30) + Next(0, (1 << 30) - 1),
            Input2Shift = Next(-6, 0),
            OutputMultiplier = (1 << 30) + Next(0, (1 << 30) - 1),
            OutputShift = index % 9 == 0 ? 0 : Next(-24, -1),
            OutputOffset = Next(-128, 127),
            Input1Step = index % 3 == 1 ? 0 : 1,
            Input2Step = index % 3 == 2 ? 0 : 1,
        };
        Activation(index, ref add.ActivationMin, ref add.ActivationMax);
        ulong hash = Basis;
        if (index % 2 == 1)
        {
            add.Table1 = tables;
            add.Table2 = tables + 256;
            Microkernels.RescaleTableS8(add.Table1, add.Input1Offset, add.LeftShift, add.Input1Multiplier, add.Input1Shift);
            Microkernels.RescaleTableS8(add.Table2, add.Input2Offset, add.LeftShift, add.Input2Multiplier, add.Input2Shift);
            hash = Hash(hash, (byte*)tables, 512 * sizeof(int));
        }
        Microkernels.AddS8(&add, input1, input2, output, count);
        return Hash(hash, (byte*)output, count);
    }

    private ulong Pool(int index, bool max, sbyte* input, sbyte* output)
    {
        ReadOnlySpan<int> depths = [1, 3, 4, 5, 8, 13, 16, 64];
        int depth = depths[index / 2 % depths.Length];
        // Windows from one pixel to 17 × 16 = 272 (more than 256 pixels: the 32-bit sums).
        int rows = index % 5 == 4 ? 17 : 1 + index % 4;
        int cols = index % 5 == 4 ? 16 : 1 + index / 3 % 5;
        if (max && index % 7 == 6) rows = 0;
        PoolParameters pool = new PoolParameters { Depth = depth, RowStride = depth * (cols + index % 3) };
        Activation(index, ref pool.ActivationMin, ref pool.ActivationMax);
        if (max) Microkernels.MaxPoolS8(&pool, input, rows, cols, output);
        else Microkernels.AveragePoolS8(&pool, input, rows, cols, output);
        return Hash(Basis, (byte*)output, depth);
    }

    /// <summary>Every fourth check the full int8 range (no clamp), otherwise a random narrower one.</summary>
    private void Activation(int index, ref int min, ref int max)
    {
        if (index % 4 == 0)
        {
            min = -128;
            max = 127;
            return;
        }
        min = Next(-128, 0);
        max = Next(min, 127);
    }

    private const ulong Basis = 14695981039346656037UL;

    private static ulong Hash(ulong hash, byte* data, int bytes)
    {
        for (int i = 0; i < bytes; i++) hash = (hash ^ data[i]) * 1099511628211UL;
        return hash;
    }

    private void Fill(sbyte* data, int count)
    {
        for (int i = 0; i < count; i++) data[i] = (sbyte)Next(-128, 127);
    }

    /// <summary>xorshift32, in [min, max].</summary>
    private int Next(int min, int max)
    {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        uint range = (uint)(max - min) + 1u;
        return range == 0 ? (int)state : min + (int)(state % range);
    }
}

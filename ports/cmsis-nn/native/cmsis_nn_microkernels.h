/*
 * TfLiteMicro cmsis-nn port: the native DSP microkernels (Cortex-M with the DSP extension: M4, M7, M33, M55).
 *
 * Each function here has a C# twin with the same contract in ports/cmsis-nn/Common/ (the host and the kernel tests
 * run the twins; the firmware calls these through [RuntimeImport], see NativeMicrokernels.cs). The structs are
 * laid out exactly as their C# mirrors (sequential, 4-byte pointers on the 32-bit device).
 *
 * Algorithms (facts from ARM-software/CMSIS-NN, Source/NNSupportFunctions and Source/ConvolutionFunctions; the code
 * is our own): int8 activations are widened once to int16 with the input offset added (SXTAB16), in the "unordered"
 * order that SXTB16 produces from four weight bytes (k0 k2 | k1 k3), so weights are used as stored; products are
 * summed two at a time with SMLAD; requantization is TFLM's double rounding (SMULL high word with rounding, then a
 * rounding arithmetic shift), bit-exact with the reference kernels.
 */
#ifndef TFLM_CMSIS_NN_MICROKERNELS_H
#define TFLM_CMSIS_NN_MICROKERNELS_H

#include <stdint.h>

/* Requantization and shape of one matrix product: rows = output channels, depth = accumulation depth K. */
typedef struct tflm_cmsisnn_gemm {
    const int8_t *weights;       /* rows x depth, row-major (OHWI filters are exactly this) */
    const int32_t *bias;         /* one per row, or NULL */
    const int32_t *multiplier;   /* one per row (quant_step 1) or one for all rows (quant_step 0) */
    const int32_t *shift;        /* TFLM convention: > 0 shifts left before the multiply, < 0 right after it */
    int32_t rows;
    int32_t depth;
    int32_t quant_step;
    int32_t output_offset;
    int32_t activation_min;
    int32_t activation_max;
    int32_t output_stride;       /* bytes between the outputs of consecutive columns (pixels) */
    int32_t input_offset;        /* added to every input value when it is widened */
} tflm_cmsisnn_gemm;

/* Values per widened group and columns per convolution block. */
#define TFLM_CMSISNN_GROUP 4
#define TFLM_CMSISNN_COLUMNS 4

/*
 * Widens depth int8 values to int16 + input_offset, four at a time in the order k0 k2 k1 k3; consecutive groups of
 * four are group_stride int16 apart. The last group is padded with zeros. Writes ceil(depth / 4) groups.
 */
void tflm_cmsisnn_widen_s8(const int8_t *source, int16_t *destination, int32_t depth, int32_t input_offset,
                           int32_t group_stride);

/*
 * Convolution block: columns holds TFLM_CMSISNN_COLUMNS widened columns interleaved group by group (group g of column
 * j at columns + (g * 4 + j) * 4). For every row r and column j < column_count:
 *   out[j * output_stride + r] = clamp(requantize(bias[r] + sum_k weights[r * depth + k] * column_j[k]) + offset).
 */
void tflm_cmsisnn_conv_block_s8_s16(const tflm_cmsisnn_gemm *gemm, const int16_t *columns, int8_t *out,
                                    int32_t column_count);

/*
 * Matrix times one widened vector (groups of four contiguous): out[r] for every row r, as above. Fully connected
 * layers with one batch row; output_stride is ignored.
 */
void tflm_cmsisnn_vector_matrix_s8_s16(const tflm_cmsisnn_gemm *gemm, const int16_t *vector, int8_t *out);

/* Depthwise convolution, one output row at a time. Output channel c reads input channel c / depth_multiplier. */
typedef struct tflm_cmsisnn_depthwise {
    const int8_t *weights;       /* [1, filter_height, filter_width, channels] */
    const int32_t *bias;         /* channels, or NULL */
    const int32_t *multiplier;   /* channels */
    const int32_t *shift;        /* channels */
    int32_t channels;            /* output channels */
    int32_t depth_multiplier;    /* 1, or a multiple of 4 (other multipliers: repeat the input channels first) */
    int32_t input_width;
    int32_t output_width;
    int32_t filter_width;
    int32_t stride_width;
    int32_t dilation_width;
    int32_t padding_width;
    int32_t filter_row_stride;   /* bytes between the input rows of consecutive filter rows (dilation_height * row) */
    int32_t input_offset;
    int32_t output_offset;
    int32_t activation_min;
    int32_t activation_max;
} tflm_cmsisnn_depthwise;

/* Most filter taps (height x width) the depthwise row kernel keeps expanded on its stack. */
#define TFLM_CMSISNN_DEPTHWISE_MAX_TAPS 64

/*
 * One output row of a depthwise convolution: input points at channel 0, column 0 of the input row that filter row
 * first_filter_row reads; filter rows [first_filter_row, first_filter_row + filter_rows) are inside the image (the
 * caller clips them), columns are clipped here. For every output column x and channel c:
 *   out[x * channels + c] = clamp(requantize(bias[c] + sum (input[.., c / depth_multiplier] + input_offset)
 *                                 * weight[.., c]) + output_offset).
 * filter_rows * filter_width <= TFLM_CMSISNN_DEPTHWISE_MAX_TAPS.
 */
void tflm_cmsisnn_depthwise_row_s8(const tflm_cmsisnn_depthwise *dw, const int8_t *input, int32_t first_filter_row,
                                   int32_t filter_rows, int8_t *out);

/* Quantized int8 ADD (TFLM's reference/integer_ops/add.h): both inputs rescaled to a common scale, summed, rescaled. */
typedef struct tflm_cmsisnn_add {
    const int32_t *table1;       /* 256 rescaled values of input 1, indexed by value + 128, or NULL (computed) */
    const int32_t *table2;       /* the same for input 2 */
    int32_t input1_offset;
    int32_t input2_offset;
    int32_t left_shift;
    int32_t input1_multiplier;
    int32_t input1_shift;        /* <= 0 */
    int32_t input2_multiplier;
    int32_t input2_shift;        /* <= 0 */
    int32_t output_multiplier;
    int32_t output_shift;        /* <= 0 */
    int32_t output_offset;
    int32_t activation_min;
    int32_t activation_max;
    int32_t input1_step;         /* 1, or 0 when input 1 is broadcast along the row */
    int32_t input2_step;
} tflm_cmsisnn_add;

/*
 * table[v + 128] = RoundingDivideByPOT(SaturatingRoundingDoublingHighMul((v + offset) << left_shift, multiplier),
 * -shift) for every int8 v: an input's rescaled value depends on the input byte alone, so a large ADD looks it up.
 */
void tflm_cmsisnn_rescale_table_s8(int32_t *table, int32_t offset, int32_t left_shift, int32_t multiplier,
                                   int32_t shift);

/* count outputs: out[i] = clamp(rescale(rescale1(in1[i * step1]) + rescale2(in2[i * step2])) + output_offset). */
void tflm_cmsisnn_add_s8(const tflm_cmsisnn_add *add, const int8_t *input1, const int8_t *input2, int8_t *out,
                         int32_t count);

/* One pooling window (AVERAGE_POOL_2D / MAX_POOL_2D, int8, NHWC). */
typedef struct tflm_cmsisnn_pool {
    int32_t depth;               /* channels */
    int32_t row_stride;          /* bytes between input rows (input width * depth) */
    int32_t activation_min;
    int32_t activation_max;
} tflm_cmsisnn_pool;

/*
 * The average of a rows x cols window (clipped to the input by the caller; rows * cols >= 1) for every channel:
 * out[c] = clamp(sum / count rounded half away from zero), input at the window's first pixel, channel 0.
 */
void tflm_cmsisnn_average_pool_s8(const tflm_cmsisnn_pool *pool, const int8_t *input, int32_t rows, int32_t cols,
                                  int8_t *out);

/* The maximum of a rows x cols window (rows * cols >= 0; an empty window gives -128) for every channel, clamped. */
void tflm_cmsisnn_max_pool_s8(const tflm_cmsisnn_pool *pool, const int8_t *input, int32_t rows, int32_t cols,
                              int8_t *out);

#endif

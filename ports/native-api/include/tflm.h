/*
 * TfLiteMicro C API: run TensorFlow Lite models from C or C++.
 *
 * The library never allocates the model or the arena: the caller owns both and keeps them alive (and unmoved)
 * for as long as the interpreter exists. Every call that can fail returns a tflm_status; tflm_last_error()
 * gives the message. Interpreters live in a small fixed table (TFLM_MAX_INTERPRETERS).
 *
 *   uint8_t arena[8 * 1024] __attribute__((aligned(16)));
 *   tflm_interpreter* interpreter;
 *   if (tflm_create(model_data, model_size, arena, sizeof arena, TFLM_KERNELS_REFERENCE, &interpreter) != TFLM_OK ||
 *       tflm_allocate_tensors(interpreter) != TFLM_OK) {
 *     char message[256];
 *     tflm_last_error(interpreter, message, sizeof message);  // interpreter may be NULL
 *   }
 *   int8_t* input = (int8_t*)tflm_input_data(interpreter, 0, NULL);
 *   ...
 *   tflm_invoke(interpreter);
 */
#ifndef TFLM_H_
#define TFLM_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TFLM_MAX_INTERPRETERS 8
#define TFLM_MAX_DIMS 8

/* Same values as TfLiteMicro.Status. */
typedef enum {
  TFLM_OK = 0,
  TFLM_ERROR = 1,
  TFLM_MALFORMED_MODEL = 2,
  TFLM_UNSUPPORTED_OPERATOR = 3,
  TFLM_ARENA_TOO_SMALL = 4,
  TFLM_INVALID_ARGUMENT = 5,
  TFLM_INVALID_STATE = 6,
  TFLM_CAPACITY_EXCEEDED = 7,
  TFLM_ABORT = 8 /* not an error: a kernel stopped this run (e.g. CIRCULAR_BUFFER not due yet) */
} tflm_status;

/* Which kernels the interpreter's op resolver registers. */
typedef enum {
  TFLM_KERNELS_REFERENCE = 0
} tflm_kernels;

/* Same values as the TFLite schema's TensorType. */
typedef enum {
  TFLM_FLOAT32 = 0,
  TFLM_INT32 = 2,
  TFLM_UINT8 = 3,
  TFLM_INT64 = 4,
  TFLM_BOOL = 6,
  TFLM_INT16 = 7,
  TFLM_INT8 = 9,
  TFLM_UINT32 = 15
} tflm_type;

typedef struct tflm_interpreter tflm_interpreter;

/* Verifies the model (read in place, never copied) and creates an interpreter over the caller's arena. On
 * failure *interpreter is NULL and tflm_last_error(NULL, ...) says why. */
tflm_status tflm_create(const uint8_t* model, size_t model_size, uint8_t* arena, size_t arena_size,
                        int32_t kernels, tflm_interpreter** interpreter);

/* Init, Prepare, memory planning. TFLM_ARENA_TOO_SMALL's message gives the bytes needed. */
tflm_status tflm_allocate_tensors(tflm_interpreter* interpreter);

tflm_status tflm_invoke(tflm_interpreter* interpreter);

/* Resets variable tensors and stateful kernels to their initial state. */
tflm_status tflm_reset(tflm_interpreter* interpreter);

int32_t tflm_input_count(const tflm_interpreter* interpreter);
int32_t tflm_output_count(const tflm_interpreter* interpreter);

/* The tensor's memory (valid after tflm_allocate_tensors); *bytes (if not NULL) receives its size. NULL for a bad
 * index. */
void* tflm_input_data(tflm_interpreter* interpreter, int32_t index, size_t* bytes);
void* tflm_output_data(tflm_interpreter* interpreter, int32_t index, size_t* bytes);

/* Type (tflm_type), rank and dims (up to max_dims are written; returns the rank, or -1 for a bad index). */
int32_t tflm_input_type(const tflm_interpreter* interpreter, int32_t index);
int32_t tflm_output_type(const tflm_interpreter* interpreter, int32_t index);
int32_t tflm_input_shape(const tflm_interpreter* interpreter, int32_t index, int32_t* dims, int32_t max_dims);
int32_t tflm_output_shape(const tflm_interpreter* interpreter, int32_t index, int32_t* dims, int32_t max_dims);

/* Per-tensor quantization (scale 0 when the tensor is not quantized). */
tflm_status tflm_input_quantization(const tflm_interpreter* interpreter, int32_t index, float* scale, int32_t* zero_point);
tflm_status tflm_output_quantization(const tflm_interpreter* interpreter, int32_t index, float* scale, int32_t* zero_point);

/* Head + tail bytes of the arena in use (TFLM's arena_used_bytes). */
size_t tflm_arena_used_bytes(const tflm_interpreter* interpreter);

/* Copies the last error message (UTF-8, NUL-terminated, cut to buffer_size) into buffer; returns the full length.
 * With interpreter == NULL: the last tflm_create failure. */
size_t tflm_last_error(const tflm_interpreter* interpreter, char* buffer, size_t buffer_size);

/* Frees the interpreter's slot. The arena and model stay the caller's. When the last interpreter is destroyed, the
 * object memory of all of them is given back (see tflm_object_memory_used). */
void tflm_destroy(tflm_interpreter* interpreter);

/* The memory the interpreters' own bookkeeping objects take (not the arena): on a microcontroller a pool inside the
 * library, TFLM_OBJECT_POOL_BYTES long (tflm_object_memory_size); it returns to its level before the first
 * tflm_create once every interpreter is destroyed, so create/destroy cycles do not grow it. 0 on a host build, where
 * the .NET runtime manages that memory. */
size_t tflm_object_memory_used(void);
size_t tflm_object_memory_size(void);

/* ---- Microcontrollers: what libtflm.a asks of the firmware (docs/c-library.md) ----------------------------- */

/* On a core with a single-precision FPU (Cortex-M4F, M33F): the firmware's UsageFault vector (with UsageFault
 * enabled in SCB->SHCSR). It emulates the few double-precision register moves the C# code generator emits and
 * returns; anything else is a fatal error. */
void tflm_usage_fault_handler(void);

/* Called on a broken invariant (object pool exhausted, an internal bounds check): the library cannot continue.
 * Weak in the library (the default loops forever); define it to report and reset. Must not return. */
void tflm_on_fatal_error(const char* message, size_t length);

#ifdef __cplusplus
}
#endif

#endif /* TFLM_H_ */

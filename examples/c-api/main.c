/*
 * Runs a .tflite model from C through TfLiteMicro's C API (ports/native-api/include/tflm.h).
 *
 *   c-api MODEL.tflite [ARENA_BYTES]
 *
 * Fills every input with a ramp of values, invokes, and prints each output tensor. With the bundled
 * hello_world_int8 model it prints sine predictions for x = 0 .. 2*pi.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

#include "tflm.h"

static unsigned char* read_file(const char* path, size_t* size) {
  FILE* file = fopen(path, "rb");
  if (!file) return NULL;
  fseek(file, 0, SEEK_END);
  long length = ftell(file);
  fseek(file, 0, SEEK_SET);
  /* The model is read in place, so keep it 16-byte aligned. */
  unsigned char* data = aligned_alloc(16, (size_t)((length + 15) / 16 * 16));
  if (data && fread(data, 1, (size_t)length, file) != (size_t)length) {
    free(data);
    data = NULL;
  }
  fclose(file);
  *size = (size_t)length;
  return data;
}

static int fail(const tflm_interpreter* interpreter, const char* what) {
  char message[512];
  tflm_last_error(interpreter, message, sizeof message);
  fprintf(stderr, "%s: %s\n", what, message);
  return 1;
}

int main(int argc, char** argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s MODEL.tflite [ARENA_BYTES]\n", argv[0]);
    return 2;
  }
  size_t model_size = 0;
  unsigned char* model = read_file(argv[1], &model_size);
  if (!model) {
    fprintf(stderr, "cannot read %s\n", argv[1]);
    return 1;
  }
  size_t arena_size = argc > 2 ? (size_t)strtoul(argv[2], NULL, 10) : 64 * 1024;
  unsigned char* arena = aligned_alloc(16, (arena_size + 15) / 16 * 16);

  tflm_interpreter* interpreter = NULL;
  if (tflm_create(model, model_size, arena, arena_size, TFLM_KERNELS_REFERENCE, &interpreter) != TFLM_OK)
    return fail(NULL, "tflm_create");
  if (tflm_allocate_tensors(interpreter) != TFLM_OK) return fail(interpreter, "tflm_allocate_tensors");
  printf("arena used: %zu bytes\n", tflm_arena_used_bytes(interpreter));

  const int steps = 8;
  for (int step = 0; step < steps; step++) {
    float x = 2.0f * 3.14159265f * (float)step / (float)(steps - 1);
    for (int32_t i = 0; i < tflm_input_count(interpreter); i++) {
      size_t bytes = 0;
      void* data = tflm_input_data(interpreter, i, &bytes);
      float scale = 0;
      int32_t zero_point = 0;
      tflm_input_quantization(interpreter, i, &scale, &zero_point);
      switch (tflm_input_type(interpreter, i)) {
        case TFLM_FLOAT32:
          for (size_t k = 0; k < bytes / sizeof(float); k++) ((float*)data)[k] = x;
          break;
        case TFLM_INT8: {
          long q = lroundf(x / scale) + zero_point;
          if (q < -128) q = -128;
          if (q > 127) q = 127;
          memset(data, (int)(signed char)q, bytes);
          break;
        }
        default:
          memset(data, 0, bytes);
      }
    }
    if (tflm_invoke(interpreter) != TFLM_OK) return fail(interpreter, "tflm_invoke");

    size_t bytes = 0;
    void* out = tflm_output_data(interpreter, 0, &bytes);
    float scale = 0;
    int32_t zero_point = 0;
    tflm_output_quantization(interpreter, 0, &scale, &zero_point);
    float y = tflm_output_type(interpreter, 0) == TFLM_INT8 ? ((signed char*)out)[0] - zero_point : ((float*)out)[0];
    if (tflm_output_type(interpreter, 0) == TFLM_INT8) y *= scale;
    printf("x=%.3f y=%.5f\n", x, y);
  }
  tflm_destroy(interpreter);
  free(arena);
  free(model);
  return 0;
}

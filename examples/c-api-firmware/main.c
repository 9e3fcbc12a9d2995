/*
 * A bare-metal C firmware that runs TFLM's hello_world_int8 through TfLiteMicro's C API (ports/native-api/
 * include/tflm.h), linked from the C# static library built for the board (libtflm.a). It prints in the format
 * of the C# firmware examples, so the same test compares it with TFLM's goldens:
 *
 *   dotnet build ports/baremetal/firmware/Firmware.proj -p:Board=nrf52840 -p:Example=c-api-firmware
 *   qemu-system-arm -M mps2-an386 -nographic -semihosting -kernel artifacts/firmware/nrf52840/c-api-firmware.elf
 *
 * The model and the golden inputs are files the firmware build embedded in flash; the board support
 * (firmware.h) gives the console and the arena.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "firmware.h"
#include "tflm.h"

static const char model_name[] = "hello_world_int8";

static void write_int(long value)
{
    char digits[24];
    int count = 0;
    unsigned long magnitude = value < 0 ? 0ul - (unsigned long)value : (unsigned long)value;
    do {
        digits[sizeof digits - 1 - count++] = (char)('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    if (value < 0) digits[sizeof digits - 1 - count++] = '-';
    tflm_console_write(digits + sizeof digits - count, count);
}

static int fail(const tflm_interpreter *interpreter, const char *what)
{
    char message[200];
    tflm_last_error(interpreter, message, sizeof message);
    tflm_console_write_ascii("model hello_world_int8 failed: ");
    tflm_console_write_ascii(what);
    tflm_console_write_ascii(": ");
    tflm_console_write_ascii(message);
    tflm_console_write_ascii("\n");
    return 1;
}

/* The data of a NumPy .npy file (version 1: 10-byte preamble with a 16-bit header length). */
static const uint8_t *npy_data(const uint8_t *file, uint32_t size, uint32_t *data_size)
{
    if (file == NULL || size < 10 || file[0] != 0x93 || file[6] != 1) return NULL;
    uint32_t start = 10u + (uint32_t)(file[8] | (file[9] << 8));
    if (start > size) return NULL;
    *data_size = size - start;
    return file + start;
}

int main(void)
{
    uint32_t model_size = 0;
    const uint8_t *model = tflm_embedded_file("hello_world_int8.tflite", 23, &model_size);
    uint32_t arena_size = 0;
    uint8_t *arena = tflm_arena(&arena_size);
    if (model == NULL) return fail(NULL, "model not embedded");

    tflm_interpreter *interpreter = NULL;
    if (tflm_create(model, model_size, arena, arena_size, TFLM_KERNELS_REFERENCE, &interpreter) != TFLM_OK)
        return fail(NULL, "tflm_create");
    if (tflm_allocate_tensors(interpreter) != TFLM_OK) return fail(interpreter, "tflm_allocate_tensors");
    tflm_console_write_ascii("model ");
    tflm_console_write_ascii(model_name);
    tflm_console_write_ascii(" arena_used ");
    write_int((long)tflm_arena_used_bytes(interpreter));
    tflm_console_write_ascii("\n");
    tflm_console_write_ascii("heap_used ");
    write_int((long)tflm_object_memory_used());
    tflm_console_write_ascii("\n");

    for (int k = 0;; k++) {
        char name[] = "hello_world_int8.caseK_in0.npy";
        name[21] = (char)('0' + k);
        uint32_t file_size = 0, data_size = 0;
        const uint8_t *input = npy_data(tflm_embedded_file(name, (int)strlen(name), &file_size), file_size, &data_size);
        if (input == NULL || k > 9) break;

        size_t input_bytes = 0;
        void *tensor = tflm_input_data(interpreter, 0, &input_bytes);
        if (tensor == NULL || input_bytes != data_size) return fail(interpreter, "input size");
        memcpy(tensor, input, data_size);
        if (tflm_invoke(interpreter) != TFLM_OK) return fail(interpreter, "tflm_invoke");

        size_t output_bytes = 0;
        const int8_t *output = tflm_output_data(interpreter, 0, &output_bytes);
        if (output == NULL || tflm_output_type(interpreter, 0) != TFLM_INT8) return fail(interpreter, "output");
        tflm_console_write_ascii("case ");
        write_int(k);
        tflm_console_write_ascii(" output 0 int8 ");
        write_int((long)output_bytes);
        tflm_console_write_ascii(":");
        for (size_t i = 0; i < output_bytes; i++) {
            tflm_console_write_ascii(" ");
            write_int(output[i]);
        }
        tflm_console_write_ascii("\n");
    }
    tflm_destroy(interpreter);
    tflm_console_write_ascii("model hello_world_int8 done\n");
    return 0;
}

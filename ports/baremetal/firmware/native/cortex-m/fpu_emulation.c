/*
 * Emulation of the few double-precision VFP instructions that NativeAOT's ARM32 code generator emits even in code
 * that has no double arithmetic, so that such code runs on a single-precision FPU (Cortex-M4F's FPv4-SP).
 *
 * RyuJIT treats the VFP register file as pairs, and moves a float kept in a callee-saved register with
 * `vmov.f64 dN, dM` (e.g. a float argument held across calls). FPv4-SP has no .f64 instructions, so that move
 * raises a UsageFault (undefined instruction). The UsageFault handler decodes the faulting instruction; for a
 * VMOV.F64 register-to-register move, or a conversion between float and double (VCVT.F64.F32, exact, and
 * VCVT.F32.F64, rounded to nearest even: the code generator routes float <-> int64 conversions through double,
 * with the int64 <-> double step done in software by RhpDbl2Lng/RhpLng2Dbl), it performs the operation on the
 * saved register image and resumes after the instruction. Everything else is reported as a fault: real double
 * arithmetic must not run on this core (see BAREMETAL.md).
 *
 * Requires the FP context to be stacked eagerly (FPCCR.LSPEN = 0, set by tflm_fpu_emulation_initialize), so the
 * stacked exception frame holds s0-s15; the handler saves s16-s31 itself.
 */
#include "firmware.h"

#if defined(__ARM_FP) && !(__ARM_FP & 8)

#define SCB_CFSR (*(volatile uint32_t *)0xE000ED28u)
#define FPU_FPCCR (*(volatile uint32_t *)0xE000EF34u)
#define FPCCR_ASPEN (1u << 31)
#define FPCCR_LSPEN (1u << 30)
#define CFSR_UNDEFINSTR (1u << 16)
#define EXC_RETURN_STANDARD_FRAME (1u << 4)
#define FRAME_PC 6
#define FRAME_S0 8

static uint32_t emulated_instructions;

void tflm_fpu_emulation_initialize(void)
{
    FPU_FPCCR = (FPU_FPCCR | FPCCR_ASPEN) & ~FPCCR_LSPEN;
}

uint32_t tflm_fpu_emulated_instructions(void) { return emulated_instructions; }

/* float bits -> double bits: exact (normal, subnormal, zero, infinity, NaN). */
static uint64_t widen(uint32_t f)
{
    uint64_t sign = (uint64_t)(f >> 31) << 63;
    int exponent = (int)((f >> 23) & 0xFF);
    uint64_t mantissa = f & 0x7FFFFFu;
    if (exponent == 0xFF) return sign | (0x7FFull << 52) | (mantissa << 29);
    if (exponent == 0) {
        if (mantissa == 0) return sign;
        int shift = 0;
        while ((mantissa & 0x800000u) == 0) {
            mantissa <<= 1;
            shift++;
        }
        mantissa &= 0x7FFFFFu;
        return sign | ((uint64_t)(1023 - 126 - shift) << 52) | (mantissa << 29);
    }
    return sign | ((uint64_t)(exponent - 127 + 1023) << 52) | (mantissa << 29);
}

/* double bits -> float bits, rounded to nearest, ties to even (the FPSCR default); NaNs become quiet. */
static uint32_t narrow(uint64_t d)
{
    uint32_t sign = (uint32_t)(d >> 63) << 31;
    int exponent = (int)((d >> 52) & 0x7FF);
    uint64_t fraction = d & 0x000FFFFFFFFFFFFFull;
    if (exponent == 0x7FF) return sign | 0x7F800000u | (fraction ? 0x00400000u | (uint32_t)(fraction >> 29) : 0u);
    if (exponent == 0 && fraction == 0) return sign;
    /* value = significand * 2^(e - 1075), the leading one at bit 52 for a normal double */
    uint64_t significand = exponent ? (fraction | (1ull << 52)) : fraction;
    int float_exponent = (exponent ? exponent : 1) - 1023 + 127;
    if (float_exponent > 254) return sign | 0x7F800000u;
    int shift = 29;
    if (float_exponent < 1) {
        shift += 1 - float_exponent;
        float_exponent = 0;
    }
    if (shift > 62) return sign; /* below half the smallest subnormal: rounds to zero */
    uint64_t kept = significand >> shift;
    uint64_t rest = significand & ((1ull << shift) - 1);
    uint64_t half = 1ull << (shift - 1);
    if (rest > half || (rest == half && (kept & 1))) kept++;
    /* A normal result adds the implicit bit (bit 23 of kept) to the exponent field; a rounding carry moves on. */
    uint64_t bits = float_exponent ? ((uint64_t)(float_exponent - 1) << 23) + kept : kept;
    if (bits >= 0x7F800000u) return sign | 0x7F800000u;
    return sign | (uint32_t)bits;
}

/*
 * frame: the stacked exception frame (r0-r3, r12, lr, pc, xpsr, then s0-s15 and FPSCR when extended);
 * registers: s0-s31 as the handler found them (restored from here on return; s0-s15 come from the frame when
 * it is an extended one).
 * Returns 1 when the instruction was emulated (execution resumes after it), 0 when it is a real fault.
 */
__attribute__((used)) int tflm_emulate_fp_instruction(uint32_t *frame, uint32_t exc_return, uint32_t *registers)
{
    if (!(SCB_CFSR & CFSR_UNDEFINSTR)) return 0;
    /* With an extended frame the stacked s0-s15 are the interrupted code's values (the live ones need not be:
       QEMU clears them after stacking); exception return reloads them from there. */
    int extended = !(exc_return & EXC_RETURN_STANDARD_FRAME);
    if (extended) {
        for (int i = 0; i < 16; i++) registers[i] = frame[FRAME_S0 + i];
    }
    const uint16_t *pc = (const uint16_t *)frame[FRAME_PC];
    uint32_t first = pc[0], second = pc[1];
    int handled = 0;

    if ((first & 0xFFBFu) == 0xEEB0u && (second & 0x0FD0u) == 0x0B40u) {
        /* VMOV.F64 Dd, Dm: d = D:Vd, m = M:Vm (encoding T2, sz = 1) */
        unsigned d = ((first >> 6) & 1u) << 4 | (second >> 12);
        unsigned m = ((second >> 5) & 1u) << 4 | (second & 0xFu);
        if (d < 16 && m < 16) {
            registers[2 * d] = registers[2 * m];
            registers[2 * d + 1] = registers[2 * m + 1];
            handled = 1;
        }
    } else if ((first & 0xFFBFu) == 0xEEB7u && (second & 0x0FD0u) == 0x0AC0u) {
        /* VCVT.F64.F32 Dd, Sm: d = D:Vd, m = Vm:M (encoding T1, sz = 0) */
        unsigned d = ((first >> 6) & 1u) << 4 | (second >> 12);
        unsigned m = (second & 0xFu) << 1 | ((second >> 5) & 1u);
        if (d < 16) {
            uint64_t value = widen(registers[m]);
            registers[2 * d] = (uint32_t)value;
            registers[2 * d + 1] = (uint32_t)(value >> 32);
            handled = 1;
        }
    } else if ((first & 0xFFBFu) == 0xEEB7u && (second & 0x0FD0u) == 0x0BC0u) {
        /* VCVT.F32.F64 Sd, Dm: d = Vd:D, m = M:Vm (encoding T1, sz = 1), rounded to nearest even */
        unsigned d = (second >> 12) << 1 | ((first >> 6) & 1u);
        unsigned m = ((second >> 5) & 1u) << 4 | (second & 0xFu);
        if (m < 16) {
            registers[d] = narrow((uint64_t)registers[2 * m + 1] << 32 | registers[2 * m]);
            handled = 1;
        }
    }
    if (!handled) return 0;

    if (extended) {
        for (int i = 0; i < 16; i++) frame[FRAME_S0 + i] = registers[i];
    }
    frame[FRAME_PC] += 4;
    SCB_CFSR = CFSR_UNDEFINSTR; /* write-one-to-clear */
    emulated_instructions++;
    return 1;
}

/*
 * Saves s0-s31 (the interrupted code's values: the handler has not touched them), lets the C code emulate, and
 * restores them. In an image built here it is the UsageFault vector and anything it cannot emulate goes to the
 * fault report of startup.c; in the C library (TFLM_LIBRARY) it is tflm_usage_fault_handler, which the firmware
 * installs as (or calls from) its UsageFault handler, and anything else is a fatal error (tflm_on_fatal_error).
 */
#ifdef TFLM_LIBRARY
#define USAGE_FAULT_HANDLER tflm_usage_fault_handler
#define UNEMULATED "b tflm_unemulated_usage_fault\n"
__attribute__((used, noreturn)) void tflm_unemulated_usage_fault(void)
{
    static const char message[] = "UsageFault: an instruction this core cannot execute (not emulated)";
    tflm_platform_fatal(message, (int)sizeof message - 1);
}
#else
#define USAGE_FAULT_HANDLER UsageFault_Handler
#define UNEMULATED "mov r1, r0\n movs r0, #3\n b tflm_report_fault\n"
#endif
__attribute__((naked)) void USAGE_FAULT_HANDLER(void)
{
    __asm__ volatile(
        "tst lr, #4\n"
        "ite eq\n"
        "mrseq r0, msp\n"
        "mrsne r0, psp\n"
        "mov r1, lr\n"
        "push {r0, lr}\n"
        "vpush {s0-s31}\n"
        "mov r2, sp\n"
        "bl tflm_emulate_fp_instruction\n"
        "vpop {s0-s31}\n"
        "mov r2, r0\n"
        "pop {r0, lr}\n"
        "cbz r2, 1f\n"
        "bx lr\n"
        "1:\n" UNEMULATED);
}

#else

void tflm_fpu_emulation_initialize(void) {}
uint32_t tflm_fpu_emulated_instructions(void) { return 0; }

#endif

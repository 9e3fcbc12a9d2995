/*
 * Symbols ilc-generated ARM32 code calls directly that cannot be written in C# (the C# would compile back into a
 * call to the same helper) or that only have to exist. The managed runtime helpers are in
 * ports/baremetal/corelib/Runtime. CPU-family independent (any 32-bit ARM).
 */
#include <stdint.h>
#include "firmware.h"

/* 64-bit shifts (CORINFO_HELP_LLSH/LRSH/LRSZ): the shift count is taken modulo 64, as in C#. */
int64_t RhpLLsh(int64_t value, int32_t shift) { return (int64_t)((uint64_t)value << (shift & 63)); }
int64_t RhpLRsh(int64_t value, int32_t shift) { return value >> (shift & 63); }
uint64_t RhpLRsz(uint64_t value, int32_t shift) { return value >> (shift & 63); }

/* The ARM32 code generator calls this helper for a 64-bit multiply (CORINFO_HELP_LMUL). */
int64_t RhpLMul(int64_t a, int64_t b) { return a * b; }

/* `throw` compiles to RhpThrowEx; there is no unwinding on the device, so it stops the program. */
void RhpThrowEx(void *exception)
{
    (void)exception;
    tflm_platform_fatal("managed exception thrown", 24);
}

/*
 * ilc's object file routes every external symbol through a `symbol$thunk: b.w symbol`, including the data symbol
 * __security_cookie, so the stack-cookie code reads the thunk's instruction bytes as the cookie (a constant, which
 * is consistent). The symbol only has to exist as a Thumb function so that branch resolves without a veneer.
 */
__asm__(".text\n.thumb\n.global __security_cookie\n.type __security_cookie,%function\n.thumb_func\n"
        "__security_cookie:\n bx lr\n.size __security_cookie, .-__security_cookie\n");

/*
 * CORINFO_HELP_ASSIGN_BYREF: copies the object reference at [r1] to [r0] and advances both by 4 (how ilc copies a
 * struct holding a reference, e.g. an OperatorName into the profiler's event array). A custom convention, not the
 * C ABI: only r12 is used, which the call's thunk may clobber anyway. No GC, so no barrier.
 */
__asm__(".text\n.thumb\n.global RhpByRefAssignRef\n.type RhpByRefAssignRef,%function\n.thumb_func\n"
        "RhpByRefAssignRef:\n ldr r12, [r1], #4\n str r12, [r0], #4\n bx lr\n.size RhpByRefAssignRef, .-RhpByRefAssignRef\n");

/* The firmware build removes ilc's unwind tables (.ARM.exidx/.ARM.extab: nothing unwinds on the device) from the
   managed object, but ilc's thunk section still names the EHABI personality routines. Weak, never-called
   definitions keep that from pulling in libgcc's unwinder, and give way to a firmware's own C++ runtime. */
__attribute__((weak)) void __aeabi_unwind_cpp_pr0(void) { tflm_platform_fatal("unwinding", 9); }
__attribute__((weak)) void __aeabi_unwind_cpp_pr1(void) { tflm_platform_fatal("unwinding", 9); }
__attribute__((weak)) void __aeabi_unwind_cpp_pr2(void) { tflm_platform_fatal("unwinding", 9); }


/*
 * 64-bit integer <-> double conversions (CORINFO_HELP_DBL2LNG, LNG2DBL, ULNG2DBL). The ARM32 code generator
 * routes float <-> long through double, so these exist whenever device code converts between float and long. The
 * conversion itself is done in software by libgcc here, but the caller's float <-> double step is a double-precision
 * instruction that a single-precision FPU (Cortex-M4F) cannot execute: device code must not convert between
 * float and 64-bit integers on such a core (the firmware tests fail on the resulting UsageFault).
 */
int64_t RhpDbl2Lng(double value) { return (int64_t)value; }
double RhpLng2Dbl(int64_t value) { return (double)value; }
double RhpULng2Dbl(uint64_t value) { return (double)value; }

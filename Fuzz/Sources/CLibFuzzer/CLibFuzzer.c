// Declarations only: LLVMFuzzerRunDriver comes from libclang_rt.fuzzer_no_main, linked by the fuzzers.
#include "CLibFuzzer.h"

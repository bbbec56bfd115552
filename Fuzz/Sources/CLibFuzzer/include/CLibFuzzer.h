// libFuzzer's entry for programs that keep their own main (compiler-rt's FuzzerInterface.h).
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

// Whether `length` bytes at `haystack` contain the NUL-terminated `needle`, ASCII letters
// compared case-insensitively (NUL bytes in the haystack are ordinary bytes). C, so it is not
// instrumented for coverage: the harnesses' own checks should not cost more than the library.
bool fuzz_contains_ignoring_ascii_case(const uint8_t *haystack, size_t length, const char *needle);

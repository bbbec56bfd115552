// LLVMFuzzerRunDriver comes from libclang_rt.fuzzer_no_main, linked by the fuzzers.
#include "CLibFuzzer.h"

#include <string.h>

static uint8_t lowercased(uint8_t byte) { return byte >= 'A' && byte <= 'Z' ? byte | 0x20 : byte; }

bool fuzz_contains_ignoring_ascii_case(const uint8_t *haystack, size_t length, const char *needle) {
  size_t count = strlen(needle);
  if (count == 0) return true;
  if (count > length) return false;
  for (size_t start = 0; start + count <= length; start++) {
    size_t index = 0;
    while (index < count && lowercased(haystack[start + index]) == lowercased((uint8_t)needle[index])) index++;
    if (index == count) return true;
  }
  return false;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * growkeep: memory.grow keeps what the memory held and gives zeroed pages.
 * Grows the linear memory in steps of 1 to 33 pages up to 32 MiB more; each
 * new page must read as zeros, then gets a pattern of its own index; at the
 * end every page must still hold its pattern (a page mapped at the wrong
 * place, lost or reused by a grow shows here).  Exits 0 if all is well, 1
 * on a wrong byte, 2 if memory.grow failed.
 */
#include <stdint.h>
#include <stdio.h>

#define WORDS (65536 / 4)
#define MORE_PAGES 512

static uint32_t* page(unsigned long p) { return (uint32_t*)(uintptr_t)(p << 16); }

static unsigned long spot(unsigned long p) { return 1 + (p * 7) % (WORDS - 2); }

int main(void) {
  unsigned long start = __builtin_wasm_memory_size(0), end = start, step = 1, p, i;

  while (end < start + MORE_PAGES) {
    long old = (long)__builtin_wasm_memory_grow(0, step);

    if (old < 0 || (unsigned long)old != end) {
      printf("growkeep: memory.grow(%lu) at %lu pages returned %ld\n", step, end, old);
      return 2;
    }
    for (p = end; p < end + step; p++) {
      uint32_t* w = page(p);

      for (i = 0; i < WORDS; i += 61)
        if (w[i]) {
          printf("growkeep: new page %lu not zero at word %lu\n", p, i);
          return 1;
        }
      w[0] = (uint32_t)p;
      w[WORDS - 1] = ~(uint32_t)p;
      w[spot(p)] = (uint32_t)p ^ 0x5a5a5a5au;
    }
    end += step;
    step = step % 33 + 1;
  }
  for (p = start; p < end; p++) {
    uint32_t* w = page(p);

    if (w[0] != (uint32_t)p || w[WORDS - 1] != ~(uint32_t)p ||
        w[spot(p)] != ((uint32_t)p ^ 0x5a5a5a5au)) {
      printf("growkeep: page %lu lost its contents\n", p);
      return 1;
    }
  }
  printf("growkeep: %lu pages kept\n", end - start);
  return 0;
}

/* Golden sequence for Common/Rng.cs: the reference xoshiro256** and splitmix64 of Blackman and Vigna
   (https://prng.di.unimi.it/xoshiro256starstar.c, https://prng.di.unimi.it/splitmix64.c), copied verbatim
   in their logic. Build and run:  gcc -O2 -o /tmp/x xoshiro256starstar.c && /tmp/x > xoshiro256starstar_seed42.txt */
#include <stdint.h>
#include <stdio.h>

static uint64_t x; /* splitmix64 state */
static uint64_t splitmix64_next(void) {
    uint64_t z = (x += 0x9e3779b97f4a7c15);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
    z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
    return z ^ (z >> 31);
}

static inline uint64_t rotl(const uint64_t v, int k) { return (v << k) | (v >> (64 - k)); }
static uint64_t s[4];
static uint64_t next(void) {
    const uint64_t result = rotl(s[1] * 5, 7) * 9;
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

int main(void) {
    x = 42;
    for (int i = 0; i < 4; i++) s[i] = splitmix64_next();
    for (int i = 0; i < 10; i++) printf("%llu\n", (unsigned long long)next());
    return 0;
}

namespace IntegrationCases.Engine.Uncertainty;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, 'Fast splittable pseudorandom number generators', OOPSLA 2014), exactly as
/// Vigna's reference code https://prng.di.unimi.it/splitmix64.c: used only to expand the request's 64-bit seed
/// into the 256-bit state of <see cref="Xoshiro256StarStar"/>, as the authors of xoshiro recommend.
/// </summary>
internal struct SplitMix64(ulong seed)
{
    private ulong state = seed;

    public ulong Next()
    {
        unchecked
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}

namespace IntegrationCases.Engine.Uncertainty;

/// <summary>
/// xoshiro256** 1.0 (Blackman and Vigna, 'Scrambled linear pseudorandom number generators', ACM Transactions on
/// Mathematical Software 47(4), 2021), exactly as the reference code https://prng.di.unimi.it/xoshiro256starstar.c.
/// A specified generator rather than System.Random, whose algorithm is an implementation detail of .NET: the same
/// seed must give the same draws on every machine and every runtime. Tests hold it against the reference output.
/// </summary>
internal sealed class Xoshiro256StarStar
{
    /// <summary>2^-53: a 53-bit integer times this is a double in [0, 1) with every value equally likely.</summary>
    private const double UnitScale = 1.0 / (1UL << 53);

    private ulong s0, s1, s2, s3;

    /// <summary>The generator in the given state (not all zero), for the reference test.</summary>
    public Xoshiro256StarStar(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0)
        {
            throw new ArgumentException("The state of xoshiro256** must not be all zero.");
        }

        (this.s0, this.s1, this.s2, this.s3) = (s0, s1, s2, s3);
    }

    /// <summary>Seeds the state with the first four outputs of SplitMix64 from <paramref name="seed"/> (never all zero).</summary>
    public static Xoshiro256StarStar FromSeed(ulong seed)
    {
        var expander = new SplitMix64(seed);
        return new Xoshiro256StarStar(expander.Next(), expander.Next(), expander.Next(), expander.Next());
    }

    public ulong Next()
    {
        unchecked
        {
            var result = ulong.RotateLeft(s1 * 5, 7) * 9;
            var t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = ulong.RotateLeft(s3, 45);
            return result;
        }
    }

    /// <summary>A double in [0, 1) from the upper 53 bits (the reference page's recommended conversion).</summary>
    public double NextDouble() => (Next() >> 11) * UnitScale;
}

using System.Numerics;

namespace IntegrationCases.Engine.Simulation;

/// <summary>
/// Rounding of METHOD.md 6.7: to øre (2 decimals), midpoint away from zero, on the exact binary value of the
/// double. A plain (decimal)double conversion first rounds to about 15 significant digits, which can move a
/// value across a midpoint, so the double is decomposed into mantissa × 2^exponent and rounded exactly.
/// </summary>
public static class Money
{
    private const int Scale = 2;

    /// <summary>0.01 DKK: a value this far from zero rounds to the same side of it.</summary>
    private const double OneOere = 0.01;

    /// <summary>Whether <paramref name="value"/> rounds to more than 0.00 (<see cref="RoundToOere"/> only near zero, where it decides).</summary>
    public static bool RoundsAboveZero(double value) => value >= OneOere || (value > 0 && RoundToOere(value) > 0m);

    /// <summary>Whether <paramref name="value"/> rounds to 0.00 or more (<see cref="RoundToOere"/> only near zero, where it decides).</summary>
    public static bool RoundsToAtLeastZero(double value) => value >= 0 || (value > -OneOere && RoundToOere(value) >= 0m);

    /// <summary>Rounds to øre on the exact binary value. Throws for NaN or infinity.</summary>
    public static decimal RoundToOere(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Money must be finite.");
        }

        if (value == 0)
        {
            return 0.00m;
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
        var negative = bits < 0;
        var exponentBits = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        int exponent;
        if (exponentBits == 0)
        {
            exponent = -1074; // subnormal
        }
        else
        {
            mantissa |= 1L << 52;
            exponent = exponentBits - 1075;
        }

        // |value| × 100 = mantissa × 100 × 2^exponent; mantissa × 100 < 2^60.
        var scaled = (ulong)mantissa * 100UL;
        if (exponent >= 0)
        {
            return RoundLarge(negative, mantissa, exponent);
        }

        var shift = -exponent;
        if (shift >= 62)
        {
            // scaled < 2^60 ≤ 2^(shift-2): far below half an øre.
            return 0.00m;
        }

        var quotient = scaled >> shift;
        var remainder = scaled & ((1UL << shift) - 1);
        var half = 1UL << (shift - 1);
        var cents = remainder >= half ? quotient + 1 : quotient;
        return new decimal(unchecked((int)(uint)cents), unchecked((int)(uint)(cents >> 32)), 0, negative && cents != 0, Scale);
    }

    /// <summary>Whole numbers of 2^52 and above: exact, no fraction to round.</summary>
    private static decimal RoundLarge(bool negative, long mantissa, int exponent)
    {
        var integer = new BigInteger(mantissa) << exponent;
        var result = (decimal)integer; // throws OverflowException beyond decimal's range
        result = decimal.Round(result, Scale);
        result += 0.00m; // carry the scale of two decimals
        return negative ? -result : result;
    }
}

using IntegrationCases.Engine.Simulation;

namespace IntegrationCases.Engine.Tests;

public sealed class MoneyRoundingTests
{
    [Theory]
    [InlineData(0.125, "0.13")]        // exactly representable midpoint: away from zero
    [InlineData(-0.125, "-0.13")]
    [InlineData(0.375, "0.38")]
    [InlineData(1.005, "1.00")]        // the double is 1.00499999999999989…: below the midpoint
    [InlineData(2.675, "2.67")]        // 2.67499999999999982…
    [InlineData(0.135, "0.14")]        // 0.13500000000000000888…: above the midpoint
    [InlineData(1234567.895, "1234567.90")] // 1234567.89500000001862…: above the midpoint
    [InlineData(1.015, "1.01")]        // 1.01499999999999990230…
    [InlineData(0.0, "0.00")]
    [InlineData(-0.004, "0.00")]
    [InlineData(-0.005, "-0.01")]      // -0.005000000000000000104…
    [InlineData(5e-324, "0.00")]
    [InlineData(123456789012.345, "123456789012.35")]
    [InlineData(9007199254740993.0, "9007199254740992.00")] // above 2^53: whole numbers
    public void Rounding_to_oere_works_on_the_exact_binary_value(double value, string expected)
    {
        Assert.Equal(expected, Money.RoundToOere(value).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_plain_decimal_conversion_would_round_one_of_these_differently()
    {
        // (decimal)1.005 is 1.005 (15 significant digits), which rounds away from zero to 1.01; the exact
        // binary value is below the midpoint, so the method's answer is 1.00.
        Assert.Equal(1.01m, Math.Round((decimal)1.005, 2, MidpointRounding.AwayFromZero));
        Assert.Equal(1.00m, Money.RoundToOere(1.005));
    }

    [Fact]
    public void Every_rounded_amount_has_two_decimals()
    {
        Assert.Equal(2, Money.RoundToOere(12.0).Scale);
        Assert.Equal(2, Money.RoundToOere(0.0).Scale);
        Assert.Equal(2, Money.RoundToOere(1e16).Scale);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.004999)]
    [InlineData(0.005)]
    [InlineData(0.00500000000000001)]
    [InlineData(0.009999)]
    [InlineData(0.01)]
    [InlineData(-0.004999)]
    [InlineData(-0.005)]
    [InlineData(-0.00499999999999999)]
    [InlineData(-0.01)]
    [InlineData(5e-324)]
    [InlineData(-5e-324)]
    [InlineData(1e9)]
    [InlineData(-1e9)]
    public void The_sign_tests_agree_with_rounding_to_oere(double value)
    {
        Assert.Equal(Money.RoundToOere(value) > 0m, Money.RoundsAboveZero(value));
        Assert.Equal(Money.RoundToOere(value) >= 0m, Money.RoundsToAtLeastZero(value));
    }

    [Fact]
    public void The_sign_tests_agree_with_rounding_to_oere_on_many_values_near_zero()
    {
        var random = new Random(20261201);
        for (var i = 0; i < 20000; i++)
        {
            var value = (random.NextDouble() - 0.5) * 0.05;
            Assert.Equal(Money.RoundToOere(value) > 0m, Money.RoundsAboveZero(value));
            Assert.Equal(Money.RoundToOere(value) >= 0m, Money.RoundsToAtLeastZero(value));
        }
    }

    [Fact]
    public void Rounding_rejects_values_that_are_not_finite()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.RoundToOere(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.RoundToOere(double.PositiveInfinity));
    }

    [Fact]
    public void Rounding_agrees_with_a_big_integer_reference_on_many_values()
    {
        var random = new Random(20261125);
        for (var i = 0; i < 20000; i++)
        {
            var value = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(0, 12));
            Assert.Equal(Reference(value), Money.RoundToOere(value));
        }
    }

    /// <summary>An independent exact rounding: the double as a fraction of big integers.</summary>
    private static decimal Reference(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent != 0)
        {
            mantissa |= 1L << 52;
        }

        var e = (exponent == 0 ? 1 : exponent) - 1075;
        var numerator = new System.Numerics.BigInteger(mantissa) * 100;
        var denominator = System.Numerics.BigInteger.One;
        if (e >= 0)
        {
            numerator <<= e;
        }
        else
        {
            denominator <<= -e;
        }

        var q = System.Numerics.BigInteger.DivRem(numerator, denominator, out var rem);
        if (rem * 2 >= denominator)
        {
            q += 1;
        }

        var result = (decimal)q / 100m;
        result = decimal.Round(result, 2) + 0.00m;
        return value < 0 ? -result : result;
    }
}

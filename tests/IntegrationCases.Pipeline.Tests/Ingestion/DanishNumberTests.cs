using System.Globalization;
using FsCheck.Xunit;
using IntegrationCases.Pipeline.Ingestion;

namespace IntegrationCases.Pipeline.Tests.Ingestion;

public sealed class DanishNumberTests
{
    private static readonly NumberFormatInfo DanishWithoutGrouping = new() { NumberDecimalSeparator = ",", NegativeSign = "-" };

    [Property(MaxTest = 2000)]
    public bool Any_number_written_with_a_decimal_comma_reads_back_exactly(int whole, byte hundredths)
    {
        var value = whole + (hundredths % 100) / 100m;
        var text = value.ToString("0.##", DanishWithoutGrouping);
        return DanishNumber.Read(text, out var read) == NumberReading.Number && (decimal)read == value;
    }

    [Property(MaxTest = 2000)]
    public bool A_number_with_Danish_thousands_separators_is_never_read_as_a_smaller_number(int thousands)
    {
        var value = Math.Abs((long)thousands) + 1000;
        var text = value.ToString("#,0", CultureInfo.GetCultureInfo("da-DK"));
        return DanishNumber.Read(text, out _) == NumberReading.ThousandsSeparator;
    }

    [Theory]
    [InlineData("42955,60", 42955.60)]
    [InlineData("37,7", 37.7)]
    [InlineData("5932654", 5932654)]
    [InlineData(" 12 ", 12)]
    [InlineData("-3", -3)]
    [InlineData("0,5", 0.5)]
    public void DST_values_read_as_numbers(string text, double expected)
    {
        Assert.Equal(NumberReading.Number, DanishNumber.Read(text, out var value));
        Assert.Equal(expected, value, 10);
    }

    [Theory]
    [InlineData("..", "Missing")]
    [InlineData("", "Missing")]
    [InlineData("1234,5.", "MixedSeparators")]
    [InlineData("1.234", "ThousandsSeparator")]
    [InlineData("12.5", "DecimalPoint")]
    [InlineData("1,2,3", "NotANumber")]
    [InlineData("1e5", "NotANumber")]
    [InlineData("NaN", "NotANumber")]
    [InlineData("-", "NotANumber")]
    public void Other_cells_are_classified_so_the_message_can_say_what_is_wrong(string text, string expected) =>
        Assert.Equal(expected, DanishNumber.Read(text, out _).ToString());
}

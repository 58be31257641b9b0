using System.Globalization;

namespace IntegrationCases.Engine.Evaluation;

/// <summary>
/// The one formatter of numbers and dates for everything a user reads: the engine's messages, the extracts, the
/// ingestion reports and the command line. Decimal comma, '-' as the minus sign, ISO dates; a '.' between
/// thousands only where a method says so. Fixed text, never the machine's culture, so output does not depend on
/// where it runs.
/// </summary>
public static class Danish
{
    /// <summary>Up to 12 decimals, no thousands separator: 0,1065, 45000, -0,5 (messages, extracts).</summary>
    public static string Number(double value) =>
        value.ToString("0.############", CultureInfo.InvariantCulture).Replace('.', ',');

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Exactly <paramref name="decimals"/> decimals, no thousands separator: 25,37 (input files).</summary>
    public static string Fixed(double value, int decimals) =>
        value.ToString(DecimalsFormat("0", decimals), CultureInfo.InvariantCulture).Replace('.', ',');

    /// <summary>An amount in kroner with øre and no thousands separator: 1297801,71 (CSV extracts, read back by <see cref="ParseMoney"/>).</summary>
    public static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');

    /// <summary>An amount in kroner with øre and thousands: 1.297.801,71 (tables and summaries).</summary>
    public static string Kroner(decimal amount) => Swap(amount.ToString("#,##0.00", CultureInfo.InvariantCulture));

    /// <summary>A number with thousands and exactly <paramref name="decimals"/> decimals: 31.460 or 1.234,5 (tables and summaries).</summary>
    public static string Grouped(double value, int decimals) =>
        Swap(value.ToString(DecimalsFormat("#,##0", decimals), CultureInfo.InvariantCulture));

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Month(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Reads an amount back as <see cref="Money"/> wrote it.</summary>
    public static decimal ParseMoney(string text) =>
        decimal.Parse(text.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    private static string DecimalsFormat(string integer, int decimals) => decimals <= 0 ? integer : integer + "." + new string('0', decimals);

    private static string Swap(string invariant) =>
        string.Create(invariant.Length, invariant, (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                chars[i] = source[i] switch { ',' => '.', '.' => ',', var c => c };
            }
        });
}

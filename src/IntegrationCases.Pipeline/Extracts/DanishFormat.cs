using System.Globalization;

namespace IntegrationCases.Pipeline.Extracts;

/// <summary>
/// Number formats for the Danish extracts: decimal comma, no thousands separator, '-' as the minus sign, fixed
/// regardless of the machine's culture (so the bytes do not depend on where a run happens).
/// </summary>
public static class DanishFormat
{
    private static readonly NumberFormatInfo Numbers = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = "",
        NegativeSign = "-",
        NaNSymbol = "",
    };

    public static string Money(decimal amount) => amount.ToString("0.00", Numbers);

    public static string Number(double value) => double.IsFinite(value) ? value.ToString("0.############", Numbers) : "";

    public static string Number(double? value) => value is { } v ? Number(v) : "";

    public static string Integer(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads an amount back as written by <see cref="Money"/>.</summary>
    public static decimal ParseMoney(string text) => decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, Numbers);
}

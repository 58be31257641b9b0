using System.Globalization;

namespace IntegrationCases.Cli.Output;

/// <summary>Danish number formatting without depending on the machine's culture data (thousands '.', decimals ',').</summary>
internal static class DanishText
{
    public static string Kroner(decimal amount) => Swap(amount.ToString("#,##0.00", CultureInfo.InvariantCulture));

    public static string Number(double value, int decimals) =>
        Swap(value.ToString("#,##0." + new string('0', decimals), CultureInfo.InvariantCulture));

    public static string Plain(double value) =>
        value.ToString("0.######", CultureInfo.InvariantCulture).Replace('.', ',');

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Swap(string invariant)
    {
        var chars = invariant.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch { ',' => '.', '.' => ',', var c => c };
        }

        return new string(chars);
    }
}

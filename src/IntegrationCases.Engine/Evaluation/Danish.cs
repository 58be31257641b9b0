using System.Globalization;

namespace IntegrationCases.Engine.Evaluation;

/// <summary>Formats numbers the Danish way for user messages (decimal comma, no thousands separator).</summary>
internal static class Danish
{
    public static string Number(double value) =>
        value.ToString("0.############", CultureInfo.InvariantCulture).Replace('.', ',');

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Month(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

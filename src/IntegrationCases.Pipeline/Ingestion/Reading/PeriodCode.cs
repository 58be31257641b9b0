namespace IntegrationCases.Pipeline.Ingestion;

/// <summary>
/// DST and Jobindsats period codes: <c>2024</c> (year), <c>2024K1</c> (quarter; English <c>2024Q1</c> is read as
/// <c>2024K1</c>), <c>2024M05</c> (month). Years before the 2007 municipal reform are refused: their area codes
/// are not the 98 municipalities' (data-sources.md 6.9).
/// </summary>
internal static class PeriodCode
{
    public const int FirstYear = 2007;
    public const int LastYear = 2100;

    public static bool TryNormalise(ReadOnlySpan<char> text, out string period, out int year, out int? month)
    {
        period = "";
        month = null;
        var s = text.Trim();
        year = 0;
        if (s.Length < 4 || !int.TryParse(s[..4], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out year)
            || year < FirstYear || year > LastYear)
        {
            return false;
        }

        var rest = s[4..];
        if (rest.IsEmpty)
        {
            period = s.ToString();
            return true;
        }

        if (rest.Length == 2 && rest[0] is 'K' or 'Q' or 'k' or 'q' && rest[1] is >= '1' and <= '4')
        {
            period = $"{year}K{rest[1]}";
            month = (rest[1] - '1') * 3 + 1;
            return true;
        }

        if (rest.Length == 3 && rest[0] is 'M' or 'm' && char.IsAsciiDigit(rest[1]) && char.IsAsciiDigit(rest[2]))
        {
            var m = (rest[1] - '0') * 10 + rest[2] - '0';
            if (m is >= 1 and <= 12)
            {
                period = $"{year}M{m:00}";
                month = m;
                return true;
            }
        }

        return false;
    }

    public const string Explanation = "Perioden skal være et år (2025), et kvartal (2025K1) eller en måned (2025M05), fra 2007 (kommunalreformen).";
}

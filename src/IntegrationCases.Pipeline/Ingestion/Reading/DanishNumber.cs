using System.Globalization;

namespace IntegrationCases.Pipeline.Ingestion;

/// <summary>How a cell that should hold a number read.</summary>
internal enum NumberReading
{
    Number,

    /// <summary>'..' (DST: suppressed, confidential or too uncertain) or an empty cell: missing, never 0.</summary>
    Missing,

    /// <summary>'1.234' or '1 234': a thousands separator, which DST CSV/BULK never writes (data-sources.md 6.4).</summary>
    ThousandsSeparator,

    /// <summary>'12.5': a decimal point where the file's convention is a decimal comma.</summary>
    DecimalPoint,

    /// <summary>Both ',' and '.' in one number.</summary>
    MixedSeparators,

    NotANumber,
}

/// <summary>
/// Reads numbers as DST writes them with lang=da: decimal comma, no thousands separator, '..' for suppressed.
/// Never InvariantCulture with AllowThousands: '1234,5' would silently become 12345 (data-sources.md 6.3).
/// </summary>
internal static class DanishNumber
{
    public static NumberReading Read(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        var s = text.Trim();
        if (s.IsEmpty || s.SequenceEqual(".."))
        {
            return NumberReading.Missing;
        }

        if (!TryCount(s, out var counted))
        {
            return NumberReading.NotANumber;
        }

        var shape = Shape(s, counted);
        return shape == NumberReading.Number ? ParseWithDecimalComma(s, counted.Comma, out value) : shape;
    }

    /// <summary>
    /// Reads a cell that should hold a count or an amount: true with the number, or null when it is missing
    /// ('..' or empty); false, with the Danish explanation logged against the row and column, when it is no number.
    /// </summary>
    public static bool TryReadCell(ReadOnlySpan<char> text, long row, string column, IssueLog log, out double? value)
    {
        var reading = Read(text, out var number);
        value = reading == NumberReading.Number ? number : null;
        if (reading is NumberReading.Number or NumberReading.Missing)
        {
            return true;
        }

        log.Error(row, column, text, Explain(reading));
        return false;
    }

    /// <summary>What a trimmed cell is made of: where its only comma stands (-1: none), and how many dots, spaces and digits.</summary>
    private readonly record struct Characters(int Comma, int Dots, int Spaces, int Digits);

    // False at the first character no number has (a letter, a second comma, a sign after the start).
    private static bool TryCount(ReadOnlySpan<char> s, out Characters counted)
    {
        counted = default;
        var comma = -1;
        var dots = 0;
        var spaces = 0;
        var digits = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c is >= '0' and <= '9')
            {
                digits++;
            }
            else if (c == ',')
            {
                if (comma >= 0)
                {
                    return false;
                }

                comma = i;
            }
            else if (c == '.')
            {
                dots++;
            }
            else if (c is ' ' or '\u00A0')
            {
                spaces++;
            }
            else if (!(i == 0 && c is '-' or '+'))
            {
                return false;
            }
        }

        counted = new Characters(comma, dots, spaces, digits);
        return true;
    }

    // Number when the separators are those DST writes (a decimal comma at most); else what is wrong with them.
    private static NumberReading Shape(ReadOnlySpan<char> s, Characters c)
    {
        if (c.Digits == 0)
        {
            return NumberReading.NotANumber;
        }

        if (c.Dots > 0 && c.Comma >= 0)
        {
            return NumberReading.MixedSeparators;
        }

        if (c.Spaces > 0 || c.Dots > 1 || (c.Dots == 1 && LooksLikeThousands(s)))
        {
            return NumberReading.ThousandsSeparator;
        }

        return c.Dots == 1 ? NumberReading.DecimalPoint : NumberReading.Number;
    }

    // The decimal comma becomes the invariant culture's point; no thousands are allowed, so '1234,5' stays 1234.5.
    private static NumberReading ParseWithDecimalComma(ReadOnlySpan<char> s, int comma, out double value)
    {
        Span<char> buffer = stackalloc char[s.Length];
        s.CopyTo(buffer);
        if (comma >= 0)
        {
            buffer[comma] = '.';
        }

        return double.TryParse(buffer, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
               && double.IsFinite(value)
            ? NumberReading.Number
            : NumberReading.NotANumber;
    }

    // '1.234' (exactly three digits after the only dot) reads as a Danish thousands separator.
    private static bool LooksLikeThousands(ReadOnlySpan<char> s)
    {
        var dot = s.IndexOf('.');
        return s.Length - dot - 1 == 3 && dot > 0 && s[..dot].TrimStart("+-").Length is >= 1 and <= 3;
    }

    /// <summary>The Danish user message for a reading that is not a number.</summary>
    public static string Explain(NumberReading reading) => reading switch
    {
        NumberReading.ThousandsSeparator => "Tallet har tusindtalsseparator. Filen skal skrive tal uden tusindtalsseparator (fx 5932654).",
        NumberReading.DecimalPoint => "Tallet har decimalpunktum. Filen skal bruge decimalkomma (fx 42955,60).",
        NumberReading.MixedSeparators => "Tallet blander komma og punktum. Brug decimalkomma og ingen tusindtalsseparator.",
        NumberReading.Missing => "Værdien mangler.",
        _ => "Værdien er ikke et tal.",
    };
}

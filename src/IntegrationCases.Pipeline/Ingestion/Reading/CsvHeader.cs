namespace IntegrationCases.Pipeline.Ingestion;

/// <summary>A CSV header read by name (DST's column order depends on 'placement', data-sources.md 6.6).</summary>
internal sealed class CsvHeader
{
    private readonly string[] _names;

    private CsvHeader(string[] names) => _names = names;

    public int Count => _names.Length;

    public IReadOnlyList<string> Names => _names;

    /// <summary>Reads the header cells: trims, drops a stray BOM and surrounding quotes, upper-cases. Null with errors logged when unusable.</summary>
    public static CsvHeader? Read(IReadOnlyList<string> cells, IssueLog log)
    {
        var names = cells.Select(Clean).ToArray();
        if (names.Length == 1)
        {
            var only = names[0];
            log.Error(1, null, only, only.Contains(',') || only.Contains('\t')
                ? "Forkert skilletegn: filen skal være semikolonsepareret (;), men overskriften ser ud til at bruge komma eller tabulator."
                : "Overskriften har kun én kolonne. Filen skal være semikolonsepareret (;) med en overskrift som OMRÅDE;TID;INDHOLD.");
            return null;
        }

        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            log.Error(1, duplicate.Key, "Kolonnen står mere end én gang i overskriften.");
            return null;
        }

        return new CsvHeader(names);
    }

    public int IndexOf(params ReadOnlySpan<string> aliases)
    {
        foreach (var alias in aliases)
        {
            var i = Array.IndexOf(_names, alias.ToUpperInvariant());
            if (i >= 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Logs a missing required column, with a hint when the header looks mis-decoded.</summary>
    public void ReportMissing(string column, IssueLog log)
    {
        var hint = _names.Any(n => n.Contains('Ã') || n.Contains('\uFFFD'))
            ? " Overskriften ser forkert afkodet ud (tegnsæt): gem filen som UTF-8."
            : "";
        log.Error(1, column, string.Join(';', _names), $"Kolonnen {column} mangler i overskriften.{hint}");
    }

    private static string Clean(string cell)
    {
        var s = cell.Trim().TrimStart('\uFEFF').Trim();
        if (s.Length >= 2 && s[0] == '"' && s[^1] == '"')
        {
            s = s[1..^1];
        }

        return s.ToUpperInvariant();
    }

    public static ReadOnlySpan<char> Unquote(ReadOnlySpan<char> cell)
    {
        var s = cell.Trim();
        return s.Length >= 2 && s[0] == '"' && s[^1] == '"' ? s[1..^1] : s;
    }
}

namespace IntegrationCases.Pipeline.Ingestion;

/// <summary>What a DST table yields in the curated layer.</summary>
internal enum DstOutput
{
    TargetGroup,
    Population,
    TaxRate,
}

/// <summary>
/// A supported Statistikbanken table: which column classifies its rows (the 'key' dimension) and what each
/// kept key value means. Every other dimension besides OMRÅDE and TID is summed over (or its total row used).
/// </summary>
internal sealed record DstTableSpec(
    string Table,
    DstOutput Output,
    IReadOnlyList<string> KeyColumns,
    bool KeyRequired,
    Func<string, string?> Classify,
    string Description,
    string? GroupWithoutKey = null);

/// <summary>The DST tables ingestion reads (docs/data-formats.md 'DST Statistikbanken').</summary>
internal static class DstTables
{
    public const string Refugees = "flygtninge";
    public const string FamilyReunifiedToRefugees = "familiesammenfoerte_til_flygtninge";
    public const string Population = "befolkning";
    public const string MunicipalTax = "kommuneskat";

    private static readonly DstTableSpec[] Specs =
    [
        new("INDOPH1", DstOutput.TargetGroup, ["OPHGR1", "OPHGR"], true, ClassifyPermit, "indvandrere efter første opholdsgrundlag"),
        new("INDOPH3", DstOutput.TargetGroup, ["OPHGR2", "OPHGR"], true, ClassifyPermit, "indvandrere efter nuværende opholdsgrundlag"),
        new("FOLK1A", DstOutput.Population, [], false, _ => null, "befolkningen den 1. i kvartalet", Population),
        new("FOLK1AM", DstOutput.Population, [], false, _ => null, "befolkningen den 1. i måneden", Population),
        new("PSKAT", DstOutput.TaxRate, ["SKATTYPE", "SKAT", "TYPE"], false, ClassifyTax, "kommunale skatteprocenter", MunicipalTax),
    ];

    public static IReadOnlyList<string> Supported { get; } = [.. Specs.Select(s => s.Table)];

    public static DstTableSpec? Find(string table) =>
        Specs.FirstOrDefault(s => string.Equals(s.Table, table, StringComparison.OrdinalIgnoreCase));

    // OPHGR1/OPHGR2 code 13 'Asyl mv.' and 14 'Familiesammenføring til flygtning' (codes, or Danish labels).
    private static string? ClassifyPermit(string value)
    {
        var v = value.Trim();
        if (v == "13" || v.StartsWith("asyl", StringComparison.OrdinalIgnoreCase))
        {
            return Refugees;
        }

        return v == "14" || v.StartsWith("familiesammenføring til flygtning", StringComparison.OrdinalIgnoreCase)
            ? FamilyReunifiedToRefugees
            : null;
    }

    // The municipal rate; church tax, land tax and the like are skipped.
    private static string? ClassifyTax(string value)
    {
        var v = value.Trim();
        return v.Equals("KOMSKAT", StringComparison.OrdinalIgnoreCase)
               || v.Equals("KOMMUNESKAT", StringComparison.OrdinalIgnoreCase)
               || v.StartsWith("kommunal skat", StringComparison.OrdinalIgnoreCase)
               || v.StartsWith("kommuneskat", StringComparison.OrdinalIgnoreCase)
            ? MunicipalTax
            : null;
    }

    /// <summary>A dimension value that is a total ('TOT', 'IALT', 'I alt'), in codes or Danish labels.</summary>
    public static bool IsTotal(ReadOnlySpan<char> value)
    {
        var v = value.Trim();
        return v.Equals("TOT", StringComparison.OrdinalIgnoreCase)
               || v.Equals("IALT", StringComparison.OrdinalIgnoreCase)
               || v.Equals("I alt", StringComparison.OrdinalIgnoreCase)
               || v.Equals("Total", StringComparison.OrdinalIgnoreCase)
               || v.Equals("Alle", StringComparison.OrdinalIgnoreCase);
    }
}

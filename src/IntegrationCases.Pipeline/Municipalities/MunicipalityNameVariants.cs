namespace IntegrationCases.Pipeline.Municipalities;

/// <summary>
/// Names that sources use besides the DST short names of kommuner.csv (data-sources.md section 3), and the
/// areas that are not municipalities. Spelling folds ('Århus', 'Høje Taastrup', 'Københavns Kommune') are handled
/// by <see cref="MunicipalityRegister.NormaliseName"/>; this list holds the renamings and long forms.
/// </summary>
internal static class MunicipalityNameVariants
{
    public static readonly IReadOnlyList<(string Variant, string Code)> Synonyms =
    [
        ("Frederiksværk-Hundested", "260"), // Halsnæs's name in 2007
        ("Brønderslev-Dronninglund", "810"), // Brønderslev's name 2007-2011
        ("Bornholms Regionskommune", "400"),
        ("Regionskommunen Bornholm", "400"),
        ("Lyngby", "173"),
        ("Kongens Lyngby", "173"),
        ("Taastrup", "169"),
        ("Københavns Kommune", "101"),
        ("Copenhagen", "101"),
        ("Aarhus Kommune", "751"),
        ("Ringkøbing", "760"),
        ("Ikast", "756"),
        ("Faaborg", "430"),
        ("Fåborg-Midtfyn", "430"),
        ("Nordfyn", "480"),
        ("Vesthimmerlands", "820"),
        ("Mariager Fjord", "846"),
        ("Jammerbugten", "849"),
    ];

    // Normalised names (MunicipalityRegister.NormaliseName) of areas that are not one of the 98.
    private static readonly string[] NonMunicipalNames =
        ["hele landet", "danmark", "i alt", "christiansoe", "uoplyst", "uoplyst kommune", "ukendt", "ukendt kommune", "udlandet"];

    private static readonly string[] NonMunicipalPrefixes = ["region ", "landsdel "];

    public static bool IsNonMunicipalName(string normalised) =>
        NonMunicipalNames.Contains(normalised) || NonMunicipalPrefixes.Any(p => normalised.StartsWith(p, StringComparison.Ordinal));

    /// <summary>000, DST regions 081-085, DAGI regions 1081-1085, landsdele (2 digits) and 411 Christiansø.</summary>
    public static bool IsNonMunicipalCode(string code) =>
        code is "000" or "0" or "00" or "0000" or "411" or "0411"
        || (code.Length == 3 && code.StartsWith("08", StringComparison.Ordinal) && code[2] is >= '1' and <= '5')
        || (code.Length == 4 && code.StartsWith("108", StringComparison.Ordinal) && code[3] is >= '1' and <= '5')
        || code.Length == 2;
}

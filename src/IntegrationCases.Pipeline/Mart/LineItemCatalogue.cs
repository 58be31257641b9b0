using IntegrationCases.Engine.Results;

namespace IntegrationCases.Pipeline.Mart;

/// <summary>A budget line as the mart and the extracts show it (dim_line_item).</summary>
public sealed record LineItem(string Code, string Label, string Category, string Actor, int SortOrder);

/// <summary>
/// The Danish labels of the ten money lines of METHOD.md section 6. 'net' is not a line of fact_cashflow: it
/// is the sum of the lines (fact_case_result holds the totals), so a sum over lines never counts it twice.
/// </summary>
public static class LineItemCatalogue
{
    private const string Municipality = "kommune";

    public static readonly IReadOnlyList<LineItem> All =
    [
        new(LineCodes.Ydelse, "Forsørgelsesydelse", "Ydelser", Municipality, 1),
        new(LineCodes.Refusion, "Statsrefusion", "Refusion", Municipality, 2),
        new(LineCodes.Kommuneskat, "Kommuneskat", "Skat", Municipality, 3),
        new(LineCodes.Indsats, "Ordinær indsats", "Indsats", Municipality, 4),
        new(LineCodes.Grundtilskud, "Grundtilskud", "Tilskud", Municipality, 5),
        new(LineCodes.Investering, "Ekstra indsats (investering)", "Indsats", Municipality, 6),
        new(LineCodes.StoetteIJob, "Støtte i job", "Indsats", Municipality, 7),
        new(LineCodes.Resultattilskud, "Resultattilskud for job eller uddannelse", "Tilskud", Municipality, 8),
        new(LineCodes.ResultattilskudDansk, "Resultattilskud for bestået danskprøve", "Tilskud", Municipality, 9),
        new(LineCodes.Bonus, "Bonus for flere i job (2017–2018)", "Tilskud", Municipality, 10),
    ];

    public static LineItem Get(string code) =>
        All.FirstOrDefault(l => l.Code == code) ?? throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown line code.");
}

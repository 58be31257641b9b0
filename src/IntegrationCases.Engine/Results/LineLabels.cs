namespace IntegrationCases.Engine.Results;

/// <summary>Danish labels of the money lines, for tables, extracts and reports.</summary>
public static class LineLabels
{
    public static string For(string lineCode) => lineCode switch
    {
        LineCodes.Ydelse => "Forsørgelsesydelse",
        LineCodes.Refusion => "Statsrefusion af ydelsen",
        LineCodes.Kommuneskat => "Kommuneskat",
        LineCodes.Indsats => "Ordinær indsats",
        LineCodes.Grundtilskud => "Grundtilskud",
        LineCodes.Investering => "Investering",
        LineCodes.StoetteIJob => "Støtte i job",
        LineCodes.Resultattilskud => "Resultattilskud (job/uddannelse)",
        LineCodes.ResultattilskudDansk => "Resultattilskud (danskprøve)",
        LineCodes.Bonus => "Bonus (2017-2018)",
        LineCodes.Net => "Netto",
        _ => throw new ArgumentOutOfRangeException(nameof(lineCode), lineCode, "Unknown line code."),
    };
}

namespace IntegrationCases.Engine.Results;

/// <summary>
/// The money lines, declared once: code, Danish label, category, actor and report order. The engine's monthly
/// arrays hold the lines at index <see cref="MoneyLine.SortOrder"/> − 1 (the constants below).
/// 'net' is not a line of its own but the sum of the lines; it has a label for tables that print it.
/// </summary>
public static class LineCatalogue
{
    /// <summary>Every line is on the municipality's side of the budget (the state's side is METHOD.md section 10).</summary>
    public const string Municipality = "kommune";

    internal const int Count = 10;
    internal const int Ydelse = 0, Refusion = 1, Kommuneskat = 2, Indsats = 3, Grundtilskud = 4,
        Investering = 5, StoetteIJob = 6, Resultattilskud = 7, ResultattilskudDansk = 8, Bonus = 9;

    /// <summary>The ten money lines (without 'net'), in report order.</summary>
    public static readonly IReadOnlyList<MoneyLine> All =
    [
        new(LineCodes.Ydelse, "Forsørgelsesydelse", "Ydelser", Municipality, Ydelse + 1),
        new(LineCodes.Refusion, "Statsrefusion af ydelsen", "Refusion", Municipality, Refusion + 1),
        new(LineCodes.Kommuneskat, "Kommuneskat", "Skat", Municipality, Kommuneskat + 1),
        new(LineCodes.Indsats, "Ordinær indsats", "Indsats", Municipality, Indsats + 1),
        new(LineCodes.Grundtilskud, "Grundtilskud", "Tilskud", Municipality, Grundtilskud + 1),
        new(LineCodes.Investering, "Ekstra indsats (investering)", "Indsats", Municipality, Investering + 1),
        new(LineCodes.StoetteIJob, "Støtte i job", "Indsats", Municipality, StoetteIJob + 1),
        new(LineCodes.Resultattilskud, "Resultattilskud for job eller uddannelse", "Tilskud", Municipality, Resultattilskud + 1),
        new(LineCodes.ResultattilskudDansk, "Resultattilskud for bestået danskprøve", "Tilskud", Municipality, ResultattilskudDansk + 1),
        new(LineCodes.Bonus, "Bonus for flere i job (2017–2018)", "Tilskud", Municipality, Bonus + 1),
    ];

    /// <summary>The sum of the lines.</summary>
    public static readonly MoneyLine Net = new(LineCodes.Net, "Netto (i alt)", "I alt", Municipality, Count + 1);

    /// <summary>The money lines followed by 'net'.</summary>
    public static readonly IReadOnlyList<MoneyLine> AllWithNet = [.. All, Net];
}

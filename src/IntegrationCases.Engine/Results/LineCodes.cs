namespace IntegrationCases.Engine.Results;

/// <summary>The snake_case money line codes of METHOD.md section 6; labels and order are in <see cref="LineCatalogue"/>.</summary>
public static class LineCodes
{
    public const string Ydelse = "ydelse";
    public const string Refusion = "refusion";
    public const string Kommuneskat = "kommuneskat";
    public const string Indsats = "indsats";
    public const string Grundtilskud = "grundtilskud";
    public const string Investering = "investering";
    public const string StoetteIJob = "stoette_i_job";
    public const string Resultattilskud = "resultattilskud";
    public const string ResultattilskudDansk = "resultattilskud_dansk";
    public const string Bonus = "bonus";
    public const string Net = "net";

    /// <summary>The ten money line codes (without 'net'), in report order.</summary>
    public static readonly IReadOnlyList<string> MoneyLines = [.. LineCatalogue.All.Select(l => l.Code)];

    /// <summary>The money line codes followed by 'net'.</summary>
    public static readonly IReadOnlyList<string> AllWithNet = [.. LineCatalogue.AllWithNet.Select(l => l.Code)];
}

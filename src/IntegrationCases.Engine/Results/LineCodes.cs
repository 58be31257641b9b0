namespace IntegrationCases.Engine.Results;

/// <summary>The snake_case money line codes of METHOD.md section 6, in report order.</summary>
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

    /// <summary>The ten money lines (without 'net'), in the order they are reported.</summary>
    public static readonly IReadOnlyList<string> MoneyLines =
    [
        Ydelse, Refusion, Kommuneskat, Indsats, Grundtilskud, Investering,
        StoetteIJob, Resultattilskud, ResultattilskudDansk, Bonus,
    ];

    /// <summary>The money lines followed by 'net'.</summary>
    public static readonly IReadOnlyList<string> AllWithNet = [.. MoneyLines, Net];
}

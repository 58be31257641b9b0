using IntegrationCases.Engine.Scenarios;

namespace IntegrationCases.Engine.Results;

/// <summary>The result of one scenario (API.md 'Result'). Money is rounded to øre (METHOD.md 6.7).</summary>
public sealed record ScenarioResult(
    string MunicipalityCode,
    string CaseId,
    DateOnly StartDate,
    int HorizonYears,
    string Currency,
    IReadOnlyList<YearResult> Years,
    Kpis Kpis,
    IReadOnlyList<ParameterUse> ParametersUsed)
{
    /// <summary>
    /// The resolved intake plan, sorted by start (METHOD.md section 3a): one cohort on the start date for a
    /// scenario that gives <c>participants</c>. The engine always sets it.
    /// </summary>
    public IReadOnlyList<Cohort> Cohorts { get; init; } = [];
}

/// <summary>One reported year (year 1 = the first 12 months from the start date).</summary>
public sealed record YearResult(
    int Year,
    string FirstMonth,
    LineAmounts Baseline,
    LineAmounts Investment,
    LineAmounts Difference,
    decimal CumulativeNetDifference,
    SelfSupportingAtYearEnd SelfSupportingAtYearEnd);

public sealed record SelfSupportingAtYearEnd(double Baseline, double Investment);

/// <summary>
/// Yearly totals by line code (METHOD.md section 6), each rounded once to øre, plus 'net'.
/// Every line code is present, zero or not.
/// </summary>
public sealed record LineAmounts(
    decimal Ydelse,
    decimal Refusion,
    decimal Kommuneskat,
    decimal Indsats,
    decimal Grundtilskud,
    decimal Investering,
    decimal StoetteIJob,
    decimal Resultattilskud,
    decimal ResultattilskudDansk,
    decimal Bonus,
    decimal Net)
{
    /// <summary>The amount of a line by its snake_case code (<see cref="LineCodes"/>), 'net' included.</summary>
    public decimal this[string lineCode] => lineCode switch
    {
        LineCodes.Ydelse => Ydelse,
        LineCodes.Refusion => Refusion,
        LineCodes.Kommuneskat => Kommuneskat,
        LineCodes.Indsats => Indsats,
        LineCodes.Grundtilskud => Grundtilskud,
        LineCodes.Investering => Investering,
        LineCodes.StoetteIJob => StoetteIJob,
        LineCodes.Resultattilskud => Resultattilskud,
        LineCodes.ResultattilskudDansk => ResultattilskudDansk,
        LineCodes.Bonus => Bonus,
        LineCodes.Net => Net,
        _ => throw new ArgumentOutOfRangeException(nameof(lineCode), lineCode, "Unknown line code."),
    };
}

public sealed record Kpis(
    decimal InvestmentTotal,
    decimal NetEffectTotal,
    decimal Npv,
    double? ReturnPerKrone,
    int? PaybackMonth,
    double? BreakEvenEffectMultiplier,
    IReadOnlyList<double> ExtraSelfSupportingByYear,
    double BenefitMonthsSaved);

/// <summary>One parameter value that the result used: its lineage back to a dated, sourced unit price.</summary>
public sealed record ParameterUse(string Id, DateOnly ValidFrom, double Value, string Source);

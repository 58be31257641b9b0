using IntegrationCases.Engine.Municipalities;
using IntegrationCases.Engine.Scenarios;

namespace IntegrationCases.Engine.Evaluation;

/// <summary>
/// A validated scenario with every default filled in (the case, the municipality's data, the parameter store).
/// Shares in <see cref="HouseholdMix"/> are sorted by household type so that sums are order-independent.
/// Null reimbursement shares mean 'the parameter store, month by month'.
/// </summary>
internal sealed record ResolvedScenario
{
    public required string MunicipalityCode { get; init; }
    public required string CaseId { get; init; }
    public required DateOnly StartDate { get; init; }
    public required int HorizonYears { get; init; }
    public int Months => HorizonYears * 12;
    public required double DiscountRate { get; init; }
    public required double Participants { get; init; }
    public required string BenefitType { get; init; }
    public required KeyValuePair<string, double>[] HouseholdMix { get; init; }
    public required int InitialRefusionClockMonths { get; init; }
    public required bool ProgrammeEligible { get; init; }
    public required int ProgrammeMonthAtStart { get; init; }
    public required double JobLossMonthlyProbability { get; init; }
    public required double MonthlyEarnings { get; init; }
    public required double[] BaselineShares { get; init; }
    public required double EffortCostPerMonth { get; init; }
    public required double? EffortReimbursementShare { get; init; }
    public required double[] ExtraShares { get; init; }
    public required double OneOffCostPerParticipant { get; init; }
    public required double MonthlyCostPerParticipant { get; init; }
    public required int InvestmentDurationMonths { get; init; }
    public required double? InvestmentReimbursementShare { get; init; }
    public required double InJobSupportMonthlyCost { get; init; }
    public required int InJobSupportDurationMonths { get; init; }
    public required int DanishTestMonth { get; init; }
    public required double DanishTestBaselinePassShare { get; init; }
    public required double DanishTestInvestmentPassShare { get; init; }
    public required PriceOverrides? Prices { get; init; }
    public required MunicipalityFacts Facts { get; init; }
}

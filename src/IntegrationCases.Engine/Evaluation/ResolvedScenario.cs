using IntegrationCases.Engine.Municipalities;
using IntegrationCases.Engine.Scenarios;

namespace IntegrationCases.Engine.Evaluation;

/// <summary>
/// A validated scenario with every default filled in (the case, the municipality's data, the parameter store).
/// Shares in <see cref="HouseholdMix"/> are sorted by household type so that sums are order-independent.
/// Null reimbursement shares mean 'the parameter store, month by month'. <see cref="Cohorts"/> is the plan
/// (one cohort on <see cref="StartDate"/> for a scenario that gives <c>participants</c>), sorted by start and
/// size so that neither the order of a plan nor of its sums depends on how the user wrote it.
/// </summary>
internal sealed record ResolvedScenario
{
    public required string MunicipalityCode { get; init; }
    public required string CaseId { get; init; }
    public required DateOnly StartDate { get; init; }
    public required int HorizonYears { get; init; }
    public int Months => HorizonYears * Calendar.MonthsPerYear;
    public required double DiscountRate { get; init; }
    public required ResolvedCohort[] Cohorts { get; init; }
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

    /// <summary>The offset of the first cohort: no money and no lookups before it.</summary>
    public int FirstOffset => Cohorts[0].Offset;

    /// <summary>
    /// The own month of the cohort that started last on or before calendar month <paramref name="t"/> (the
    /// smallest own month then), or −1 when no cohort has started yet.
    /// </summary>
    public int YoungestOwnMonth(int t)
    {
        for (var k = Cohorts.Length - 1; k >= 0; k--)
        {
            if (Cohorts[k].Offset <= t)
            {
                return t - Cohorts[k].Offset;
            }
        }

        return -1;
    }
}

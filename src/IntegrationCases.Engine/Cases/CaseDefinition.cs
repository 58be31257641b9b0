namespace IntegrationCases.Engine.Cases;

/// <summary>
/// One business case of the standard catalogue with every default a scenario may leave out.
/// <see cref="TargetGroup"/> is the key that data uses to count the case's full-time persons
/// (for example <c>nytilkomne_over_30_jobparate</c>); <see cref="ParticipationShare"/> is the share of those
/// persons the investment is offered to, so the default participants = count × share.
/// Trajectories hold ten years so that any horizon of 1-10 years takes its first entries.
/// <see cref="Rationale"/> argues each default (field name → source or explicit assumption).
/// </summary>
public sealed record CaseDefinition
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string TargetGroup { get; init; }
    public required string TargetGroupLabel { get; init; }
    public required string Description { get; init; }
    public required double ParticipationShare { get; init; }
    public required int HorizonYears { get; init; }

    public required string BenefitType { get; init; }
    public required IReadOnlyDictionary<string, double> HouseholdMix { get; init; }
    public required int InitialRefusionClockMonths { get; init; }
    public required bool ProgrammeEligible { get; init; }
    public required int ProgrammeMonthAtStart { get; init; }
    public required double JobLossMonthlyProbability { get; init; }
    public required double MonthlyEarnings { get; init; }

    public required IReadOnlyList<double> BaselineSelfSupportShareByYear { get; init; }
    public required double BaselineEffortCostPerMonth { get; init; }

    /// <summary>Null: the parameter store's <c>refusion.indsats.andel</c> applies month by month.</summary>
    public double? BaselineEffortReimbursementShare { get; init; }

    public required IReadOnlyList<double> InvestmentExtraSelfSupportShareByYear { get; init; }
    public required double InvestmentOneOffCostPerParticipant { get; init; }
    public required double InvestmentMonthlyCostPerParticipant { get; init; }
    public required int InvestmentDurationMonths { get; init; }

    /// <summary>Null: the parameter store's <c>refusion.investering.andel</c> applies month by month.</summary>
    public double? InvestmentReimbursementShare { get; init; }

    public required double InJobSupportMonthlyCost { get; init; }
    public required int InJobSupportDurationMonths { get; init; }
    public required int DanishTestMonth { get; init; }
    public required double DanishTestBaselinePassShare { get; init; }
    public required double DanishTestInvestmentPassShare { get; init; }

    /// <summary>The default ranges of the uncertainty analysis, each with its argument (docs/cases.md).</summary>
    public required CaseUncertaintyRanges UncertaintyRanges { get; init; }

    /// <summary>The argument for each default: field name → source or stated assumption (Danish).</summary>
    public required IReadOnlyDictionary<string, string> Rationale { get; init; }
}

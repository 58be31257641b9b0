namespace IntegrationCases.Engine.Scenarios;

/// <summary>
/// A scenario as a user writes it (API.md): every field but the municipality and the case may be left out,
/// and the case catalogue, the municipality's data or the parameter store then fills it in.
/// Immutable; arrays are read-only lists so that a request can be shared between threads.
/// </summary>
public sealed record ScenarioRequest
{
    public required string MunicipalityCode { get; init; }
    public required string CaseId { get; init; }
    public DateOnly? StartDate { get; init; }
    public int? HorizonYears { get; init; }
    public double? DiscountRate { get; init; }
    public double? Participants { get; init; }

    /// <summary>An intake plan instead of <see cref="Participants"/>: 1 to 20 cohorts (METHOD.md section 3a).</summary>
    public IReadOnlyList<Cohort>? Cohorts { get; init; }

    public TargetGroupRequest? TargetGroup { get; init; }
    public double? JobLossMonthlyProbability { get; init; }
    public double? MonthlyEarnings { get; init; }
    public BaselineRequest? Baseline { get; init; }
    public InvestmentRequest? Investment { get; init; }
    public InJobSupportRequest? InJobSupport { get; init; }
    public DanishTestRequest? DanishTest { get; init; }
    public PriceOverrides? Prices { get; init; }
}

public sealed record TargetGroupRequest
{
    public string? BenefitType { get; init; }
    public IReadOnlyDictionary<string, double>? HouseholdMix { get; init; }
    public int? InitialRefusionClockMonths { get; init; }
    public bool? ProgrammeEligible { get; init; }
    public int? ProgrammeMonthAtStart { get; init; }
}

public sealed record BaselineRequest
{
    public IReadOnlyList<double>? SelfSupportShareByYear { get; init; }
    public double? EffortCostPerMonth { get; init; }
    public double? EffortReimbursementShare { get; init; }
}

public sealed record InvestmentRequest
{
    public IReadOnlyList<double>? ExtraSelfSupportShareByYear { get; init; }
    public double? OneOffCostPerParticipant { get; init; }
    public double? MonthlyCostPerParticipant { get; init; }
    public int? DurationMonths { get; init; }
    public double? ReimbursementShare { get; init; }
}

public sealed record InJobSupportRequest
{
    public double? MonthlyCost { get; init; }
    public int? DurationMonths { get; init; }
}

public sealed record DanishTestRequest
{
    public int? Month { get; init; }
    public double? BaselinePassShare { get; init; }
    public double? InvestmentPassShare { get; init; }
}

/// <summary>
/// Unit prices pinned for every month of a scenario, over the parameter store (API.md 'prices').
/// A field that is present replaces the store for that price; one that is absent leaves the store in charge.
/// </summary>
public sealed record PriceOverrides
{
    public double? MonthlyBenefit { get; init; }
    public IReadOnlyList<double>? RefusionShareByClockMonth { get; init; }
    public double? GrundtilskudMonthly { get; init; }
    public double? ResultattilskudHigh { get; init; }
    public double? ResultattilskudLow { get; init; }
    public double? ResultattilskudDanish { get; init; }
    public IReadOnlyDictionary<int, double>? BonusPerExtraPersonByYear { get; init; }
    public double? PersonfradragAnnual { get; init; }
    public double? AmBidragRate { get; init; }
    public double? EmploymentAllowanceRate { get; init; }
    public double? EmploymentAllowanceMaxAnnual { get; init; }
    public double? KommuneskatRate { get; init; }
}

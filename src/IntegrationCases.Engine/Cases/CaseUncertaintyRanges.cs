namespace IntegrationCases.Engine.Cases;

/// <summary>
/// A case's default ranges for the four uncertainty factors (issue 12): each factor is triangular with mode 1
/// between <see cref="CaseFactorRange.Low"/> and <see cref="CaseFactorRange.High"/>, and each range carries its
/// argument, like every other default of the catalogue.
/// </summary>
public sealed record CaseUncertaintyRanges(
    CaseFactorRange EffectMultiplier,
    CaseFactorRange CostMultiplier,
    CaseFactorRange EarningsMultiplier,
    CaseFactorRange EffortCostMultiplier);

/// <summary>One default range with its argument (Danish: a user reads it in docs/cases.md and <c>cases</c>).</summary>
public sealed record CaseFactorRange(double Low, double High, string Rationale);

using IntegrationCases.Engine.Scenarios;

namespace IntegrationCases.Engine.Uncertainty;

/// <summary>
/// An uncertainty analysis as a user asks for it (docs/api.md): a scenario exactly as for evaluate, and optional
/// ranges, number of draws and seed. A range or one of its ends left out takes the case's default
/// (<see cref="Cases.CaseDefinition.UncertaintyRanges"/>).
/// </summary>
public sealed record UncertaintyRequest
{
    /// <summary>Draws when the request gives none (issue 12).</summary>
    public const int DefaultDraws = 2_000;

    /// <summary>The most draws one request may ask for (issue 12): about 5 s of one core.</summary>
    public const int MaxDraws = 100_000;

    /// <summary>The seed when the request gives none, so that an analysis without a seed is reproducible too.</summary>
    public const ulong DefaultSeed = 1;

    public required ScenarioRequest Scenario { get; init; }

    public UncertaintyRangesRequest? Ranges { get; init; }

    /// <summary>A long so that an out-of-range count is reported as such, not as an unreadable number.</summary>
    public long? Draws { get; init; }

    public ulong? Seed { get; init; }
}

/// <summary>The ranges a request gives; a factor left out takes the case's default range.</summary>
public sealed record UncertaintyRangesRequest
{
    public FactorRangeRequest? EffectMultiplier { get; init; }

    public FactorRangeRequest? CostMultiplier { get; init; }

    public FactorRangeRequest? EarningsMultiplier { get; init; }

    public FactorRangeRequest? EffortCostMultiplier { get; init; }

    public FactorRangeRequest? For(UncertaintyFactor factor) => factor switch
    {
        UncertaintyFactor.EffectMultiplier => EffectMultiplier,
        UncertaintyFactor.CostMultiplier => CostMultiplier,
        UncertaintyFactor.EarningsMultiplier => EarningsMultiplier,
        UncertaintyFactor.EffortCostMultiplier => EffortCostMultiplier,
        _ => throw new ArgumentOutOfRangeException(nameof(factor), factor, "Unknown factor."),
    };
}

/// <summary>One factor's range as given; an end left out takes the case's default end.</summary>
public sealed record FactorRangeRequest
{
    public double? Low { get; init; }

    public double? High { get; init; }
}

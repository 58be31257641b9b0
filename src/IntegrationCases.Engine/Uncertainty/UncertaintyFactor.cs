namespace IntegrationCases.Engine.Uncertainty;

/// <summary>
/// The four factors of the uncertainty analysis, in their fixed order: the order of the tornado before it is
/// sorted, of the uniforms drawn for each Monte Carlo draw, and of validation messages.
/// </summary>
public enum UncertaintyFactor
{
    /// <summary>Multiplies every <c>investment.extraSelfSupportShareByYear</c> entry, clamped to [0, λmax].</summary>
    EffectMultiplier,

    /// <summary>Multiplies <c>investment.oneOffCostPerParticipant</c> and <c>investment.monthlyCostPerParticipant</c>.</summary>
    CostMultiplier,

    /// <summary>Multiplies <c>monthlyEarnings</c>.</summary>
    EarningsMultiplier,

    /// <summary>Multiplies <c>baseline.effortCostPerMonth</c>.</summary>
    EffortCostMultiplier,
}

/// <summary>The factors' JSON names and Danish names for messages.</summary>
public static class UncertaintyFactors
{
    public static IReadOnlyList<UncertaintyFactor> All { get; } =
        [UncertaintyFactor.EffectMultiplier, UncertaintyFactor.CostMultiplier, UncertaintyFactor.EarningsMultiplier, UncertaintyFactor.EffortCostMultiplier];

    /// <summary>The camelCase name used in the request, the response and field paths.</summary>
    public static string JsonName(this UncertaintyFactor factor) => factor switch
    {
        UncertaintyFactor.EffectMultiplier => "effectMultiplier",
        UncertaintyFactor.CostMultiplier => "costMultiplier",
        UncertaintyFactor.EarningsMultiplier => "earningsMultiplier",
        UncertaintyFactor.EffortCostMultiplier => "effortCostMultiplier",
        _ => throw new ArgumentOutOfRangeException(nameof(factor), factor, "Unknown factor."),
    };

    /// <summary>The factor as a Danish user reads it.</summary>
    public static string DanishName(this UncertaintyFactor factor) => factor switch
    {
        UncertaintyFactor.EffectMultiplier => "effektmultiplikatoren",
        UncertaintyFactor.CostMultiplier => "omkostningsmultiplikatoren (investeringens udgift)",
        UncertaintyFactor.EarningsMultiplier => "lønmultiplikatoren (månedsløn i job)",
        UncertaintyFactor.EffortCostMultiplier => "multiplikatoren for den ordinære indsats' udgift",
        _ => throw new ArgumentOutOfRangeException(nameof(factor), factor, "Unknown factor."),
    };
}

using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Simulation;

namespace IntegrationCases.Engine.Uncertainty;

/// <summary>One value of each factor; <see cref="One"/> is the scenario itself.</summary>
internal readonly record struct FactorMultipliers(double Effect, double Cost, double Earnings, double EffortCost)
{
    public static FactorMultipliers One { get; } = new(1, 1, 1, 1);

    /// <summary>The factors that change prices only (the effect changes masses).</summary>
    public PriceFactors Prices => new(Cost, EffortCost, Earnings);

    /// <summary>The multipliers with one factor set to <paramref name="value"/> and the others at 1 (a tornado end).</summary>
    public static FactorMultipliers Only(UncertaintyFactor factor, double value) => factor switch
    {
        UncertaintyFactor.EffectMultiplier => One with { Effect = value },
        UncertaintyFactor.CostMultiplier => One with { Cost = value },
        UncertaintyFactor.EarningsMultiplier => One with { Earnings = value },
        UncertaintyFactor.EffortCostMultiplier => One with { EffortCost = value },
        _ => throw new ArgumentOutOfRangeException(nameof(factor), factor, "Unknown factor."),
    };

    /// <summary>
    /// The resolved scenario with the factors applied to its values (defaults from the case, truncated to the
    /// horizon, already filled in by the resolver): exactly the values a user would write into the scenario to
    /// evaluate the same point, so a tornado end equals <c>evaluate</c> on that scenario.
    /// </summary>
    public ResolvedScenario ApplyTo(ResolvedScenario scenario)
    {
        var extra = new double[scenario.ExtraShares.Length];
        for (var y = 0; y < extra.Length; y++)
        {
            extra[y] = scenario.ExtraShares[y] * Effect;
        }

        return scenario with
        {
            ExtraShares = extra,
            OneOffCostPerParticipant = scenario.OneOffCostPerParticipant * Cost,
            MonthlyCostPerParticipant = scenario.MonthlyCostPerParticipant * Cost,
            MonthlyEarnings = scenario.MonthlyEarnings * Earnings,
            EffortCostPerMonth = scenario.EffortCostPerMonth * EffortCost,
        };
    }
}

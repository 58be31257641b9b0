using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Simulation;

namespace IntegrationCases.Engine.Rules;

/// <summary>
/// METHOD.md 6.1, line <c>ydelse</c> ('forsørgelsesydelse'): −Y_t for each person on benefit, where
/// Y_t = Σ_h mix_h × P(rate for benefitType, household type h), or the pinned <c>prices.monthlyBenefit</c>.
/// </summary>
internal static class Benefit
{
    /// <summary>The store's rate series of each household type in the mix: ydelse.&lt;benefit type&gt;.&lt;household&gt;.</summary>
    public static string[] RateIds(ResolvedScenario scenario) =>
        [.. scenario.HouseholdMix.Select(m => $"ydelse.{scenario.BenefitType}.{m.Key}")];

    public static void Price(PriceTable table, PriceLookup lookup, ResolvedScenario scenario, string[] rateIds, int t, DateOnly month)
    {
        if (scenario.Prices?.MonthlyBenefit is { } pinned)
        {
            table.Benefit[t] = lookup.Pinned("prices.monthlyBenefit", pinned);
            return;
        }

        var mix = scenario.HouseholdMix;
        var benefit = 0.0;
        for (var h = 0; h < mix.Length; h++)
        {
            benefit += mix[h].Value * lookup.Get(rateIds[h], month);
        }

        table.Benefit[t] = benefit;
    }

    /// <summary>The line per unit of mass on benefit in calendar month t.</summary>
    public static double Ydelse(PriceTable prices, int t, double onBenefit) => -prices.Benefit[t] * onBenefit;
}

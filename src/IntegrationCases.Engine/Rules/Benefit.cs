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
    public static PriceLookup.Dated[] Rates(PriceLookup lookup, ResolvedScenario scenario) =>
        [.. scenario.HouseholdMix.Select(m => lookup.Series($"ydelse.{scenario.BenefitType}.{m.Key}"))];

    public static void Price(PriceTable table, PriceLookup lookup, ResolvedScenario scenario)
    {
        var mix = scenario.HouseholdMix;
        var pinned = scenario.Prices?.MonthlyBenefit is { } value ? lookup.Pinned("prices.monthlyBenefit", value) : (double?)null;
        var rates = pinned is null ? Rates(lookup, scenario) : [];
        for (var t = table.FirstMonth; t < table.Months; t++)
        {
            var benefit = 0.0;
            for (var h = 0; h < rates.Length; h++)
            {
                benefit += mix[h].Value * rates[h].At(table.CalendarMonth[t]);
            }

            table.Benefit[t] = pinned ?? benefit;
        }
    }

    /// <summary>The line per unit of mass on benefit in calendar month t.</summary>
    public static double Ydelse(PriceTable prices, int t, double onBenefit) => -prices.Benefit[t] * onBenefit;
}

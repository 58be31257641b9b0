using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Simulation;

namespace IntegrationCases.Engine.Rules;

/// <summary>
/// METHOD.md 6.1 and 6.2, line <c>kommuneskat</c>: the municipal income tax that the benefit and the earnings
/// carry in the month they are paid.
/// <list type="bullet">
/// <item>on benefit: τ_t × Σ_h mix_h × max(0, rate_h − PF_t / 12); with a pinned benefit τ_t × max(0, Y_t − PF_t / 12);</item>
/// <item>self-supporting: τ_t × max(0, W − a_t W − min(e_t W, EA_t / 12) − PF_t / 12), the employment
/// allowance computed on gross earnings.</item>
/// </list>
/// τ_t is the municipality's own rate for the calendar year, else the national average of the store.
/// </summary>
internal static class Kommuneskat
{
    public static void Price(PriceTable table, PriceLookup lookup, ResolvedScenario scenario)
    {
        var prices = scenario.Prices;
        var personfradrag = lookup.Price(prices?.PersonfradragAnnual, "prices.personfradragAnnual", "personfradrag.aar");
        var am = lookup.Price(prices?.AmBidragRate, "prices.amBidragRate", "am_bidrag.sats");
        var ea = lookup.Price(prices?.EmploymentAllowanceRate, "prices.employmentAllowanceRate", "beskaeftigelsesfradrag.sats");
        var eaMax = lookup.Price(prices?.EmploymentAllowanceMaxAnnual, "prices.employmentAllowanceMaxAnnual", "beskaeftigelsesfradrag.loft");
        var average = lookup.Series("kommuneskat.gennemsnit");
        var rates = prices?.MonthlyBenefit is null ? Benefit.Rates(lookup, scenario) : null;
        var earnings = scenario.MonthlyEarnings;
        for (var t = table.FirstMonth; t < table.Months; t++)
        {
            var month = table.CalendarMonth[t];
            var allowance = personfradrag.At(month) / Calendar.MonthsPerYear;
            var tau = Rate(scenario, lookup, average, month);
            table.BenefitTax[t] = tau * (rates is null ? Math.Max(0, table.Benefit[t] - allowance) : TaxableBenefit(scenario, rates, month, allowance));
            var terms = new EarningsTaxTerms(tau, am.At(month), ea.At(month), eaMax.At(month) / Calendar.MonthsPerYear, allowance);
            table.EarningsTaxTerms[t] = terms;
            table.EarningsTax[t] = terms.Of(earnings);
        }
    }

    /// <summary>Σ_h mix_h × max(0, rate_h − PF_t / 12): the allowance applies to each household type's rate.</summary>
    private static double TaxableBenefit(ResolvedScenario scenario, PriceLookup.Dated[] rates, DateOnly month, double allowance)
    {
        var mix = scenario.HouseholdMix;
        var taxable = 0.0;
        for (var h = 0; h < mix.Length; h++)
        {
            taxable += mix[h].Value * Math.Max(0, rates[h].At(month) - allowance);
        }

        return taxable;
    }

    /// <summary>The line per unit of mass: tax on the benefit of those on benefit plus tax on the earnings of the self-supporting.</summary>
    public static double Tax(PriceTable prices, int t, double onBenefit, double selfSupporting) =>
        (prices.BenefitTax[t] * onBenefit) + (prices.EarningsTax[t] * selfSupporting);

    private static double Rate(ResolvedScenario scenario, PriceLookup lookup, PriceLookup.Dated average, DateOnly month)
    {
        if (scenario.Prices?.KommuneskatRate is { } pinned)
        {
            return lookup.Pinned("prices.kommuneskatRate", pinned);
        }

        if (scenario.Facts.KommuneskatRateByYear.TryGetValue(month.Year, out var own))
        {
            return lookup.Own(scenario.MunicipalityCode, month.Year, own);
        }

        return average.At(month);
    }
}

/// <summary>
/// The earnings tax of one month as a function of the monthly earnings W (6.2):
/// τ × max(0, W − a W − min(e W, EA / 12) − PF / 12). Kept in the price table so that the uncertainty analysis
/// can apply this rule at other earnings without building the table again (piecewise linear in W).
/// </summary>
internal readonly record struct EarningsTaxTerms(double Rate, double AmRate, double AllowanceRate, double AllowanceCapPerMonth, double PersonalAllowancePerMonth)
{
    public double Of(double earnings) =>
        Rate * Math.Max(0, earnings - (AmRate * earnings) - Math.Min(AllowanceRate * earnings, AllowanceCapPerMonth) - PersonalAllowancePerMonth);
}

using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Simulation;

namespace IntegrationCases.Engine.Rules;

/// <summary>
/// The efforts the municipality pays for (METHOD.md 6.1, 6.2 and 6.3):
/// <list type="bullet">
/// <item><c>indsats</c>: −K_base × (1 − ρ_effort) for each person on benefit, in both futures;</item>
/// <item><c>investering</c>, investment future only: −K_inv × (1 − ρ_inv) for each person still on benefit in
/// the cohort's months t_k &lt; durationMonths, and −oneOffCostPerParticipant × (1 − ρ_inv) for every
/// participant in the cohort's first month;</item>
/// <item><c>stoette_i_job</c>: −K_S for each self-supporting person in the first months of a spell
/// (j &lt; inJobSupport.durationMonths), in both futures.</item>
/// </list>
/// ρ is the scenario's share, else the case's, else the store's default for the calendar month.
/// </summary>
internal static class EffortAndInvestment
{
    public static void Price(PriceTable table, PriceLookup lookup, ResolvedScenario scenario)
    {
        var effortShares = scenario.EffortReimbursementShare is null ? lookup.Series("refusion.indsats.andel") : null;
        var investmentShares = scenario.InvestmentReimbursementShare is null ? lookup.Series("refusion.investering.andel") : null;
        for (var t = table.FirstMonth; t < table.Months; t++)
        {
            var month = table.CalendarMonth[t];
            var effortShare = scenario.EffortReimbursementShare ?? effortShares!.At(month);
            table.EffortCost[t] = scenario.EffortCostPerMonth * (1 - effortShare);
            if (InvestmentMonthOfSomeCohort(scenario, t))
            {
                var share = scenario.InvestmentReimbursementShare ?? investmentShares!.At(month);
                table.InvestmentCost[t] = scenario.MonthlyCostPerParticipant * (1 - share);
                table.OneOffCost[t] = scenario.OneOffCostPerParticipant * (1 - share);
            }
        }
    }

    /// <summary><c>indsats</c> per unit of mass.</summary>
    public static double Effort(PriceTable prices, int t, double onBenefit) => -prices.EffortCost[t] * onBenefit;

    /// <summary><c>investering</c> per unit of mass, for a cohort in its own month t_k in calendar month t.</summary>
    public static double Investment(PriceTable prices, int t, int ownMonth, double onBenefit)
    {
        var investering = ownMonth < prices.InvestmentMonths ? -prices.InvestmentCost[t] * onBenefit : 0.0;
        if (ownMonth == 0)
        {
            investering -= prices.OneOffCost[t];
        }

        return investering;
    }

    /// <summary><c>stoette_i_job</c> per unit of mass.</summary>
    public static double Support(PriceTable prices, double supported) => -prices.SupportCost * supported;

    /// <summary>Whether month t is a cohort's first month or within its investment months.</summary>
    private static bool InvestmentMonthOfSomeCohort(ResolvedScenario scenario, int t)
    {
        foreach (var cohort in scenario.Cohorts)
        {
            var ownMonth = t - cohort.Offset;
            if (ownMonth == 0 || (ownMonth > 0 && ownMonth < scenario.InvestmentDurationMonths))
            {
                return true;
            }
        }

        return false;
    }
}

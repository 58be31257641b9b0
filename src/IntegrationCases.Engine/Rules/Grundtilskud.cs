using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Simulation;

namespace IntegrationCases.Engine.Rules;

/// <summary>
/// METHOD.md 6.1 and 6.2, line <c>grundtilskud</c> (basic grant, integrationsloven § 45, stk. 4): +G_t for every
/// participant, on benefit or self-supporting alike, when <c>programmeEligible</c> and the programme month
/// q ≤ the months the store dates for the grant (36: 'de 3 første år af introduktionsperioden').
/// Paid alike in both futures, so its difference is zero by construction.
/// </summary>
internal static class Grundtilskud
{
    /// <summary>No programme month can exceed 120 at the start plus the 120 months of the longest horizon.</summary>
    internal const int LatestProgrammeMonth = 240;

    public static void Price(PriceTable table, PriceLookup lookup, ResolvedScenario scenario)
    {
        if (!scenario.ProgrammeEligible)
        {
            return;
        }

        var limit = lookup.Series("grundtilskud.programmaaneder");
        PriceLookup.Dated? grant = null;
        for (var t = table.FirstMonth; t < table.Months; t++)
        {
            var month = table.CalendarMonth[t];
            var months = limit.Months(month, 0, LatestProgrammeMonth);
            table.GrundtilskudMonths[t] = months;

            // The youngest cohort has the lowest programme month; if it is past the grant, every cohort is.
            if (ProgrammeMonth(scenario.ProgrammeMonthAtStart, scenario.YoungestOwnMonth(t)) <= months)
            {
                grant ??= lookup.Price(scenario.Prices?.GrundtilskudMonthly, "prices.grundtilskudMonthly", "grundtilskud.maaned");
                table.Grundtilskud[t] = grant.At(month);
            }
        }
    }

    /// <summary>q = programmeMonthAtStart + t_k + 1 (1-based) in a cohort's own month t_k (METHOD.md section 3).</summary>
    public static int ProgrammeMonth(int programmeMonthAtStart, int ownMonth) => programmeMonthAtStart + ownMonth + 1;

    /// <summary>The line per unit of mass, for a cohort in its own month t_k in calendar month t.</summary>
    public static double Grant(PriceTable prices, int t, int ownMonth, double participants)
    {
        var q = ProgrammeMonth(prices.ProgrammeMonthAtStart, ownMonth);
        return q <= prices.GrundtilskudMonths[t] ? prices.Grundtilskud[t] * participants : 0;
    }
}

using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Simulation;

namespace IntegrationCases.Engine.Rules;

/// <summary>
/// METHOD.md 6.4, line <c>resultattilskud</c> (result grant for job or education, integrationsloven § 45):
/// paid in month t for the mass that completes its required months in a job in that month (six: the spell
/// month j = 5) with p = 0 and stays self-supporting at the end of the month (fraction 1 − r), when
/// <c>programmeEligible</c>. The amount goes by the programme month in which the spell began: the high grant
/// up to programme month 36, the low grant up to 60, else nothing (and then p stays 0). The months and both
/// limits are dated parameters; the amounts are looked up for the month of payment.
/// </summary>
internal static class Resultattilskud
{
    /// <summary>
    /// The spell months j = 0 .. 11 keep their clock in the state space (section 4: twelve months reset it), and
    /// the grant moves mass between p = 0 and p = 1 within them: at most eleven months in a job can be required.
    /// </summary>
    internal const int LongestRequirement = 11;

    public static void Price(PriceTable table, PriceLookup lookup, ResolvedScenario scenario)
    {
        if (!scenario.ProgrammeEligible)
        {
            return;
        }

        var inJob = lookup.Series("resultattilskud.job_uddannelse.maaneder_i_job");
        var highLimit = lookup.Series("resultattilskud.job_uddannelse.hoej.programmaaneder");
        var lowLimit = lookup.Series("resultattilskud.job_uddannelse.lav.programmaaneder");
        PriceLookup.Dated? high = null, low = null;
        for (var t = table.FirstMonth; t < table.Months; t++)
        {
            var month = table.CalendarMonth[t];
            table.ResultSpellMonth[t] = inJob.Months(month, 1, LongestRequirement) - 1;
            table.ResultHighMonths[t] = highLimit.Months(month, 0, Grundtilskud.LatestProgrammeMonth);
            table.ResultMonths[t] = lowLimit.Months(month, table.ResultHighMonths[t], Grundtilskud.LatestProgrammeMonth);

            // Look up an amount only where some cohort can earn it (the lineage lists what is used).
            var (needHigh, needLow) = Needed(table, scenario, t);
            if (needHigh)
            {
                high ??= lookup.Price(scenario.Prices?.ResultattilskudHigh, "prices.resultattilskudHigh", "resultattilskud.job_uddannelse.hoej");
                table.ResultHigh[t] = high.At(month);
            }

            if (needLow)
            {
                low ??= lookup.Price(scenario.Prices?.ResultattilskudLow, "prices.resultattilskudLow", "resultattilskud.job_uddannelse.lav");
                table.ResultLow[t] = low.At(month);
            }
        }
    }

    /// <summary>Whether some cohort earns the high or the low grant in calendar month t.</summary>
    private static (bool High, bool Low) Needed(PriceTable table, ResolvedScenario scenario, int t)
    {
        bool high = false, low = false;
        foreach (var cohort in scenario.Cohorts)
        {
            var ownMonth = t - cohort.Offset;
            if (Applies(table, t, ownMonth))
            {
                var began = SpellBegan(table, t, ownMonth);
                high |= began <= table.ResultHighMonths[t];
                low |= began > table.ResultHighMonths[t];
            }
        }

        return (high, low);
    }

    /// <summary>
    /// Whether the grant's condition holds for a cohort in its own month t_k in calendar month t: in the
    /// programme, the months in a job can be complete, and the spell began within the grant's programme
    /// months. It sets p = 1 whatever the amount (section 4).
    /// </summary>
    public static bool Applies(PriceTable prices, int t, int ownMonth) =>
        prices.ProgrammeEligible && ownMonth >= prices.ResultSpellMonth[t] && SpellBegan(prices, t, ownMonth) <= prices.ResultMonths[t];

    /// <summary>The line per unit of mass: the mass completing its months in a job × (1 − r) × the grant.</summary>
    public static double Grant(PriceTable prices, int t, int ownMonth, double completing)
    {
        if (!Applies(prices, t, ownMonth))
        {
            return 0.0;
        }

        var amount = SpellBegan(prices, t, ownMonth) <= prices.ResultHighMonths[t] ? prices.ResultHigh[t] : prices.ResultLow[t];
        return completing * (1 - prices.JobLoss) * amount;
    }

    /// <summary>q of the month in which a spell completing its months in a job in own month t_k began.</summary>
    private static int SpellBegan(PriceTable prices, int t, int ownMonth) =>
        Grundtilskud.ProgrammeMonth(prices.ProgrammeMonthAtStart, ownMonth - prices.ResultSpellMonth[t]);
}

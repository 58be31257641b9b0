using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Simulation;

namespace IntegrationCases.Engine.Rules;

/// <summary>
/// METHOD.md 6.5, line <c>resultattilskud_dansk</c> (result grant for a passed Danish test):
/// +P(Danish test grant) × passShare for every participant of a cohort in its own month
/// t_k = danishTest.month − 1, when <c>programmeEligible</c>, q of that month is within the programme months
/// the store dates for the grant (60), and that month lies within the cohort's months T_k. The amount and the
/// limit are those in force in the calendar month of payment.
/// </summary>
internal static class DanishTest
{
    public static void Price(PriceTable table, PriceLookup lookup, ResolvedScenario scenario)
    {
        if (!scenario.ProgrammeEligible || (scenario.DanishTestBaselinePassShare == 0 && scenario.DanishTestInvestmentPassShare == 0))
        {
            return;
        }

        var q = Grundtilskud.ProgrammeMonth(scenario.ProgrammeMonthAtStart, table.DanishOwnMonth);
        var limit = lookup.Series("resultattilskud.danskproeve.programmaaneder");
        PriceLookup.Dated? grant = null;
        foreach (var cohort in scenario.Cohorts)
        {
            var t = cohort.Offset + table.DanishOwnMonth;
            if (t >= table.Months)
            {
                continue; // the test month lies beyond this cohort's horizon: no grant
            }

            var month = table.CalendarMonth[t];
            if (q <= limit.Months(month, 0, Grundtilskud.LatestProgrammeMonth))
            {
                grant ??= lookup.Price(scenario.Prices?.ResultattilskudDanish, "prices.resultattilskudDanish", "resultattilskud.danskproeve");
                table.DanishGrant[t] = grant.At(month);
            }
        }
    }

    /// <summary>The line per participant of a cohort in its own month t_k in calendar month t.</summary>
    public static double Grant(PriceTable prices, int t, int ownMonth, double passShare) =>
        ownMonth == prices.DanishOwnMonth ? prices.DanishGrant[t] * passShare : 0.0;
}

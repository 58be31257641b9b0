using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Simulation;

namespace IntegrationCases.Engine.Tests;

/// <summary>
/// TEST REFERENCE: a deliberately plain, state-by-state twin of the engine's plan simulation (METHOD.md
/// sections 3, 3a, 4 and 6), kept to hold the optimised <see cref="PlanSimulation"/> against. Each cohort is
/// pushed through every state B(c, p), S(c, j, p) of its own months into a second buffer; its money is computed
/// in the same loop from the price table's raw values with the conditions written out here (programme months,
/// the result grant's spell, the investment window, the Danish test month, the July bonus on the Decembers of
/// the calendar) rather than through the engine's rule classes; the cohorts' money is summed on the scenario's
/// calendar. Nothing is shared with the fast code but the price table and the hazards.
/// </summary>
internal static class ReferenceSimulation
{
    public const int LineCount = 10;
    private const int Ydelse = 0, Refusion = 1, Kommuneskat = 2, Indsats = 3, Grundtilskud = 4,
        Investering = 5, StoetteIJob = 6, Resultattilskud = 7, ResultattilskudDansk = 8, Bonus = 9;

    private const int Clocks = 13;
    private const int Spells = 25; // j = 0..24, 24 means 24 or more

    /// <summary>
    /// One future of the whole plan: lines in DKK (index t × 10 + line), persons on benefit at the start of each
    /// month and persons self-supporting after each month, on the scenario's calendar.
    /// </summary>
    public static void Run(
        ResolvedScenario scenario, PriceTable prices, double[] hazardByYear, bool investmentFuture,
        double[] lines, double[] onBenefitAtStart, double[] selfSupportingAfter)
    {
        Array.Clear(lines);
        Array.Clear(onBenefitAtStart);
        Array.Clear(selfSupportingAfter);
        var passShare = investmentFuture ? scenario.DanishTestInvestmentPassShare : scenario.DanishTestBaselinePassShare;
        foreach (var cohort in scenario.Cohorts)
        {
            var (cohortLines, onBenefit, after) = RunCohort(scenario, prices, hazardByYear, investmentFuture, passShare, cohort.Offset);
            for (var k = 0; k < onBenefit.Length; k++)
            {
                var t = cohort.Offset + k;
                for (var l = 0; l < LineCount; l++)
                {
                    lines[(t * LineCount) + l] += cohortLines[(k * LineCount) + l] * cohort.Participants;
                }

                onBenefitAtStart[t] += onBenefit[k] * cohort.Participants;
                selfSupportingAfter[t] += after[k] * cohort.Participants;
            }
        }
    }

    private static (double[] Lines, double[] OnBenefit, double[] After) RunCohort(
        ResolvedScenario scenario, PriceTable prices, double[] hazardByYear, bool investmentFuture, double passShare, int offset)
    {
        var months = prices.Months - offset;
        var lines = new double[months * LineCount];
        var onBenefitAtStart = new double[months];
        var after = new double[months];
        var afterByCalendarMonth = new Dictionary<DateOnly, double>();
        var b = new double[Clocks, 2];
        var s = new double[Clocks, Spells, 2];
        b[prices.InitialClock, 0] = 1.0;
        var r = prices.JobLoss;
        for (var k = 0; k < months; k++)
        {
            var t = offset + k;
            var month = scenario.StartDate.AddMonths(t);
            var h = hazardByYear[k / 12];
            var q = scenario.ProgrammeMonthAtStart + k + 1;
            var spell = prices.ResultSpellMonth[t];
            var spellBegan = scenario.ProgrammeMonthAtStart + (k - spell) + 1;
            var grantCondition = scenario.ProgrammeEligible && k >= spell && spellBegan <= prices.ResultMonths[t];

            double onBenefit = 0, refunded = 0, selfSupporting = 0, supported = 0, completing = 0;
            for (var c = 0; c < Clocks; c++)
            {
                for (var p = 0; p < 2; p++)
                {
                    onBenefit += b[c, p];
                    refunded += b[c, p] * prices.Refusion[(t * Clocks) + c];
                    for (var j = 0; j < Spells; j++)
                    {
                        selfSupporting += s[c, j, p];
                        supported += j < prices.SupportDuration ? s[c, j, p] : 0;
                        completing += j == spell && p == 0 ? s[c, j, p] : 0;
                    }
                }
            }

            var line = lines.AsSpan(k * LineCount, LineCount);
            line[Ydelse] = -prices.Benefit[t] * onBenefit;
            line[Refusion] = prices.Benefit[t] * refunded;
            line[Kommuneskat] = (prices.BenefitTax[t] * onBenefit) + (prices.EarningsTax[t] * selfSupporting);
            line[Indsats] = -prices.EffortCost[t] * onBenefit;
            line[Grundtilskud] = scenario.ProgrammeEligible && q <= prices.GrundtilskudMonths[t] ? prices.Grundtilskud[t] * (onBenefit + selfSupporting) : 0;
            line[Investering] = !investmentFuture ? 0 : (k < scenario.InvestmentDurationMonths ? -prices.InvestmentCost[t] * onBenefit : 0) - (k == 0 ? prices.OneOffCost[t] : 0);
            line[StoetteIJob] = -prices.SupportCost * supported;
            line[Resultattilskud] = grantCondition ? completing * (1 - r) * (spellBegan <= prices.ResultHighMonths[t] ? prices.ResultHigh[t] : prices.ResultLow[t]) : 0;
            line[ResultattilskudDansk] = k == scenario.DanishTestMonth - 1 ? prices.DanishGrant[t] * passShare : 0;

            (b, s) = Transitions(b, s, h, r, grantCondition, spell);
            var afterMonth = 0.0;
            foreach (var m in s)
            {
                afterMonth += m;
            }

            after[k] = afterMonth;
            onBenefitAtStart[k] = onBenefit;
            afterByCalendarMonth[month] = afterMonth;
            line[Bonus] = prices.BonusPaid[t] ? prices.Bonus[t] * (AfterDecember(afterByCalendarMonth, month.Year - 1) - AfterDecember(afterByCalendarMonth, month.Year - 2)) : 0;
        }

        return (lines, onBenefitAtStart, after);
    }

    /// <summary>The self-supporting mass after December of a year, 0 before the cohort's start.</summary>
    private static double AfterDecember(Dictionary<DateOnly, double> afterByCalendarMonth, int year) =>
        afterByCalendarMonth.GetValueOrDefault(new DateOnly(year, 12, 1));

    /// <summary>METHOD.md section 4, pushed state by state into new buffers.</summary>
    private static (double[,] B, double[,,] S) Transitions(double[,] b, double[,,] s, double h, double r, bool grantCondition, int spell)
    {
        var nb = new double[Clocks, 2];
        var ns = new double[Clocks, Spells, 2];
        for (var c = 0; c < Clocks; c++)
        {
            var nextClock = Math.Min(c + 1, Clocks - 1);
            for (var p = 0; p < 2; p++)
            {
                nb[nextClock, p] += b[c, p] * (1 - h);
                ns[nextClock, 0, p] += b[c, p] * h;
                for (var j = 0; j < Spells; j++)
                {
                    var m = s[c, j, p];
                    nb[c, p] += m * r; // back to benefit, the clock where it stopped
                    var nextJ = Math.Min(j + 1, Spells - 1);
                    var clockAfter = nextJ >= 12 ? 0 : c; // twelve months in a row reset the clock
                    var nextP = j == spell && grantCondition ? 1 : p;
                    ns[clockAfter, nextJ, nextP] += m * (1 - r);
                }
            }
        }

        return (nb, ns);
    }
}

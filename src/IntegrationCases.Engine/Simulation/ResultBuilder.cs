using System.Globalization;
using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Results;

namespace IntegrationCases.Engine.Simulation;

/// <summary>
/// Runs both futures and turns the monthly money into the reported result (METHOD.md sections 6.7 and 7):
/// yearly totals, differences and KPIs rounded once to øre from unrounded values.
/// </summary>
internal static class ResultBuilder
{
    private const int Lines = CohortSimulation.LineCount;

    public static ScenarioResult Build(
        ResolvedScenario scenario,
        PriceTable prices,
        double[] baseHazards,
        double[] investHazards,
        IReadOnlyList<ParameterUse> lineage)
    {
        var months = scenario.Months;
        var horizon = scenario.HorizonYears;
        var n = scenario.Participants;
        var simulation = new CohortSimulation();

        var baseLines = new double[months * Lines];
        var investLines = new double[months * Lines];
        var baseOnBenefit = new double[months];
        var investOnBenefit = new double[months];
        var baseSelf = new double[months];
        var investSelf = new double[months];

        var baseNet = simulation.Run(prices, baseHazards, false, scenario.DanishTestBaselinePassShare, baseLines, baseOnBenefit, baseSelf);
        simulation.Run(prices, investHazards, true, scenario.DanishTestInvestmentPassShare, investLines, investOnBenefit, investSelf);

        // Yearly totals in DKK, unrounded.
        var baseYear = new double[horizon * Lines];
        var investYear = new double[horizon * Lines];
        var investmentTotal = 0.0;
        for (var t = 0; t < months; t++)
        {
            var y = t / 12;
            for (var l = 0; l < Lines; l++)
            {
                baseYear[(y * Lines) + l] += baseLines[(t * Lines) + l] * n;
                investYear[(y * Lines) + l] += investLines[(t * Lines) + l] * n;
            }

            investmentTotal -= investLines[(t * Lines) + CohortSimulation.Investering] * n;
        }

        var years = new List<YearResult>(horizon);
        var netDifferenceByYear = new double[horizon];
        var cumulative = 0.0;
        var extraSelf = new double[horizon];
        for (var y = 0; y < horizon; y++)
        {
            var baseBlock = Block(baseYear, y, out var baseNetYear);
            var investBlock = Block(investYear, y, out var investNetYear);
            var diff = new double[Lines];
            for (var l = 0; l < Lines; l++)
            {
                diff[l] = investYear[(y * Lines) + l] - baseYear[(y * Lines) + l];
            }

            var netDiff = investNetYear - baseNetYear;
            netDifferenceByYear[y] = netDiff;
            cumulative += netDiff;
            var lastMonth = (12 * (y + 1)) - 1;
            extraSelf[y] = (investSelf[lastMonth] - baseSelf[lastMonth]) * n;
            years.Add(new YearResult(
                y + 1,
                scenario.StartDate.AddMonths(12 * y).ToString("yyyy-MM", CultureInfo.InvariantCulture),
                baseBlock,
                investBlock,
                ToAmounts(diff, netDiff),
                Money.RoundToOere(cumulative),
                new SelfSupportingAtYearEnd(baseSelf[lastMonth] * n, investSelf[lastMonth] * n)));
        }

        var netEffect = 0.0;
        var npv = 0.0;
        for (var y = 0; y < horizon; y++)
        {
            netEffect += netDifferenceByYear[y];
            npv += netDifferenceByYear[y] * Math.Pow(1 + scenario.DiscountRate, -y);
        }

        var investmentRounded = Money.RoundToOere(investmentTotal);
        double? returnPerKrone = investmentRounded == 0m ? null : (netEffect + investmentTotal) / investmentTotal;

        var benefitMonthsSaved = 0.0;
        for (var t = 0; t < months; t++)
        {
            benefitMonthsSaved += (baseOnBenefit[t] - investOnBenefit[t]) * n;
        }

        var kpis = new Kpis(
            investmentRounded,
            Money.RoundToOere(netEffect),
            Money.RoundToOere(npv),
            returnPerKrone,
            PaybackMonth(baseLines, investLines, months, n),
            investmentRounded == 0m ? null : BreakEven.Multiplier(scenario, prices, baseNet, simulation),
            extraSelf,
            benefitMonthsSaved);

        return new ScenarioResult(
            scenario.MunicipalityCode,
            scenario.CaseId,
            scenario.StartDate,
            horizon,
            "DKK",
            years,
            kpis,
            lineage);
    }

    /// <summary>The first month from which the rounded cumulative monthly difference stays ≥ 0.00 to the end.</summary>
    private static int? PaybackMonth(double[] baseLines, double[] investLines, int months, double n)
    {
        var cumulative = new double[months];
        var running = 0.0;
        for (var t = 0; t < months; t++)
        {
            var monthDiff = 0.0;
            for (var l = 0; l < Lines; l++)
            {
                monthDiff += (investLines[(t * Lines) + l] * n) - (baseLines[(t * Lines) + l] * n);
            }

            running += monthDiff;
            cumulative[t] = running;
        }

        int? payback = null;
        for (var t = months - 1; t >= 0; t--)
        {
            if (Money.RoundToOere(cumulative[t]) < 0m)
            {
                break;
            }

            payback = t + 1;
        }

        return payback;
    }

    private static LineAmounts Block(double[] yearly, int y, out double net)
    {
        var values = new double[Lines];
        net = 0;
        for (var l = 0; l < Lines; l++)
        {
            values[l] = yearly[(y * Lines) + l];
            net += values[l];
        }

        return ToAmounts(values, net);
    }

    private static LineAmounts ToAmounts(double[] v, double net) => new(
        Money.RoundToOere(v[CohortSimulation.Ydelse]),
        Money.RoundToOere(v[CohortSimulation.Refusion]),
        Money.RoundToOere(v[CohortSimulation.Kommuneskat]),
        Money.RoundToOere(v[CohortSimulation.Indsats]),
        Money.RoundToOere(v[CohortSimulation.Grundtilskud]),
        Money.RoundToOere(v[CohortSimulation.Investering]),
        Money.RoundToOere(v[CohortSimulation.StoetteIJob]),
        Money.RoundToOere(v[CohortSimulation.Resultattilskud]),
        Money.RoundToOere(v[CohortSimulation.ResultattilskudDansk]),
        Money.RoundToOere(v[CohortSimulation.Bonus]),
        Money.RoundToOere(net));
}

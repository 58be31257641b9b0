using System.Globalization;
using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Results;
using IntegrationCases.Engine.Scenarios;

namespace IntegrationCases.Engine.Simulation;

/// <summary>
/// Runs both futures of a prepared scenario and turns their monthly money into the reported result (METHOD.md
/// sections 6.7 and 7): yearly totals, differences and KPIs rounded once to øre from unrounded values.
/// </summary>
internal static class ResultBuilder
{
    private const int Lines = LineCatalogue.Count;

    public static ScenarioResult Build(ScenarioEvaluator.Prepared prepared)
    {
        var scenario = prepared.Scenario!;
        var plan = new PlanSimulation(scenario, prepared.Prices!);
        var baseline = FutureRun.Of(plan, Future.Baseline, prepared.BaseHazards!);
        var investment = FutureRun.Of(plan, Future.Investment, prepared.InvestHazards!);
        var baseYearly = Totals.ByYear(baseline.Lines, scenario.HorizonYears);
        var investYearly = Totals.ByYear(investment.Lines, scenario.HorizonYears);
        var netDifference = Totals.NetDifferenceByYear(baseYearly, investYearly, scenario.HorizonYears);
        var years = Years(scenario, baseline, investment, baseYearly, investYearly, netDifference);
        var kpis = Kpis(prepared, plan, baseline, investment, netDifference);
        return new ScenarioResult(
            scenario.MunicipalityCode,
            scenario.CaseId,
            scenario.StartDate,
            scenario.HorizonYears,
            "DKK",
            years,
            kpis,
            prepared.Lineage!)
        {
            Cohorts = [.. scenario.Cohorts.Select(c => new Cohort(c.StartDate, c.Participants))],
        };
    }

    private static List<YearResult> Years(
        ResolvedScenario scenario, FutureRun baseline, FutureRun investment, double[] baseYearly, double[] investYearly, double[] netDifference)
    {
        var years = new List<YearResult>(scenario.HorizonYears);
        var cumulative = 0.0;
        var difference = new double[Lines];
        for (var y = 0; y < scenario.HorizonYears; y++)
        {
            for (var l = 0; l < Lines; l++)
            {
                difference[l] = investYearly[(y * Lines) + l] - baseYearly[(y * Lines) + l];
            }

            cumulative += netDifference[y];
            var lastMonth = (Calendar.MonthsPerYear * (y + 1)) - 1;
            years.Add(new YearResult(
                y + 1,
                scenario.StartDate.AddMonths(Calendar.MonthsPerYear * y).ToString("yyyy-MM", CultureInfo.InvariantCulture),
                Amounts(baseYearly.AsSpan(y * Lines, Lines), Totals.Net(baseYearly, y)),
                Amounts(investYearly.AsSpan(y * Lines, Lines), Totals.Net(investYearly, y)),
                Amounts(difference, netDifference[y]),
                Money.RoundToOere(cumulative),
                new SelfSupportingAtYearEnd(baseline.SelfSupportingAfter[lastMonth], investment.SelfSupportingAfter[lastMonth])));
        }

        return years;
    }

    private static Kpis Kpis(ScenarioEvaluator.Prepared prepared, PlanSimulation plan, FutureRun baseline, FutureRun investment, double[] netDifference)
    {
        var scenario = prepared.Scenario!;
        var (netEffect, npv) = Totals.NetEffectAndNpv(netDifference, scenario.DiscountRate);
        var investmentTotal = Totals.InvestmentTotal(investment.Lines);
        var investmentRounded = Money.RoundToOere(investmentTotal);
        var extraSelfSupporting = new double[scenario.HorizonYears];
        for (var y = 0; y < scenario.HorizonYears; y++)
        {
            var lastMonth = (Calendar.MonthsPerYear * (y + 1)) - 1;
            extraSelfSupporting[y] = investment.SelfSupportingAfter[lastMonth] - baseline.SelfSupportingAfter[lastMonth];
        }

        return new Kpis(
            investmentRounded,
            Money.RoundToOere(netEffect),
            Money.RoundToOere(npv),
            investmentRounded == 0m ? null : (netEffect + investmentTotal) / investmentTotal,
            Totals.PaybackMonth(baseline.Lines, investment.Lines),
            investmentRounded == 0m ? null : BreakEven.Multiplier(scenario, plan, baseline.Net),
            extraSelfSupporting,
            Totals.BenefitMonthsSaved(baseline, investment));
    }

    private static LineAmounts Amounts(ReadOnlySpan<double> v, double net) => new(
        Money.RoundToOere(v[LineCatalogue.Ydelse]),
        Money.RoundToOere(v[LineCatalogue.Refusion]),
        Money.RoundToOere(v[LineCatalogue.Kommuneskat]),
        Money.RoundToOere(v[LineCatalogue.Indsats]),
        Money.RoundToOere(v[LineCatalogue.Grundtilskud]),
        Money.RoundToOere(v[LineCatalogue.Investering]),
        Money.RoundToOere(v[LineCatalogue.StoetteIJob]),
        Money.RoundToOere(v[LineCatalogue.Resultattilskud]),
        Money.RoundToOere(v[LineCatalogue.ResultattilskudDansk]),
        Money.RoundToOere(v[LineCatalogue.Bonus]),
        Money.RoundToOere(net));
}

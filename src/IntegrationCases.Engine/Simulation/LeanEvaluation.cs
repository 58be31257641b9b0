using IntegrationCases.Engine.Evaluation;

namespace IntegrationCases.Engine.Simulation;

/// <summary>
/// The three numbers a Monte Carlo draw needs, unrounded, without yearly blocks, KPI records or the break-even
/// search: the net effect total, the NPV, and whether the investment pays back within the horizon (the
/// result's <c>paybackMonth</c> is not null). The same sums as the full result, so the same doubles.
/// </summary>
internal readonly record struct LeanResult(double NetEffectTotal, double Npv, bool PaysBack)
{
    public static LeanResult Of(ScenarioEvaluator.Prepared prepared)
    {
        var scenario = prepared.Scenario!;
        var plan = new PlanSimulation(scenario, prepared.Prices!);
        var baseline = FutureRun.Of(plan, Future.Baseline, prepared.BaseHazards!);
        var investment = FutureRun.Of(plan, Future.Investment, prepared.InvestHazards!);
        var netDifference = Totals.NetDifferenceByYear(
            Totals.ByYear(baseline.Lines, scenario.HorizonYears),
            Totals.ByYear(investment.Lines, scenario.HorizonYears),
            scenario.HorizonYears);
        var (netEffect, npv) = Totals.NetEffectAndNpv(netDifference, scenario.DiscountRate);
        return new LeanResult(netEffect, npv, Totals.PaybackMonth(baseline.Lines, investment.Lines) is not null);
    }
}

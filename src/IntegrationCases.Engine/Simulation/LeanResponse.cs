using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Results;

namespace IntegrationCases.Engine.Simulation;

/// <summary>
/// The lean evaluation at one effect multiplier, open in the <see cref="PriceFactors"/>. For a fixed effect the
/// masses of both futures are fixed, and every price a factor touches enters a line as price × mass: the
/// <c>investering</c> line is proportional to the cost factor, the <c>indsats</c> lines to the effort-cost
/// factor, and the earnings tax is the self-supporting mass × a piecewise linear function of the earnings. So
/// the net effect, the NPV and the final cumulative difference at any factors are the scenario's own plus
/// (cost − 1) × the investment line, (effort − 1) × the effort lines' difference and the change of the earnings
/// tax on the self-supporting difference (docs/uncertainty.md). The coefficients live in one array, so a grid in
/// the effect multiplier can interpolate them (<c>Uncertainty/EffectGrid</c>).
/// <para>
/// At <see cref="PriceFactors.One"/> every added term is exactly 0, so <see cref="At"/> returns the bits of
/// <see cref="Totals"/>: the same doubles as the full result (<see cref="LeanResult.Of"/> is this at one).
/// </para>
/// </summary>
internal static class LeanResponse
{
    public const int NetEffect = 0, Npv = 1, Cumulative = 2, InvestmentNet = 3, InvestmentNpv = 4, EffortNet = 5, EffortNpv = 6;

    /// <summary>The first of the earnings-tax groups' self-supporting differences.</summary>
    public const int SelfSupporting = 7;

    public static int Length(EarningsTaxGroups groups) => SelfSupporting + groups.Count;

    /// <summary>The coefficients of both futures' runs at one effect multiplier, into <paramref name="response"/>.</summary>
    public static void Of(ResolvedScenario scenario, EarningsTaxGroups groups, FutureRun baseline, FutureRun investment, Span<double> response)
    {
        var horizon = scenario.HorizonYears;
        var baseYearly = Totals.ByYear(baseline.Lines, horizon);
        var investYearly = Totals.ByYear(investment.Lines, horizon);
        var (netEffect, npv) = Totals.NetEffectAndNpv(Totals.NetDifferenceByYear(baseYearly, investYearly, horizon), scenario.DiscountRate);
        response[NetEffect] = netEffect;
        response[Npv] = npv;
        response[Cumulative] = Totals.CumulativeDifference(baseline.Lines, investment.Lines)[^1];
        double investmentNet = 0, investmentNpv = 0, effortNet = 0, effortNpv = 0;
        for (var y = 0; y < horizon; y++)
        {
            var discount = Math.Pow(1 + scenario.DiscountRate, -y);
            var investering = investYearly[(y * LineCatalogue.Count) + LineCatalogue.Investering];
            var indsats = investYearly[(y * LineCatalogue.Count) + LineCatalogue.Indsats] - baseYearly[(y * LineCatalogue.Count) + LineCatalogue.Indsats];
            investmentNet += investering;
            investmentNpv += investering * discount;
            effortNet += indsats;
            effortNpv += indsats * discount;
        }

        (response[InvestmentNet], response[InvestmentNpv], response[EffortNet], response[EffortNpv]) = (investmentNet, investmentNpv, effortNet, effortNpv);
        groups.SelfSupportingDifference(baseline, investment, response[SelfSupporting..]);
    }

    /// <summary>
    /// The lean result at <paramref name="factors"/>, with <paramref name="taxChange"/> from
    /// <see cref="EarningsTaxGroups.TaxChange"/> at the same earnings factor.
    /// </summary>
    public static LeanResult At(ReadOnlySpan<double> response, PriceFactors factors, ReadOnlySpan<double> taxChange, ReadOnlySpan<double> discount)
    {
        double tax = 0, taxNpv = 0;
        for (var g = 0; g < taxChange.Length; g++)
        {
            var change = response[SelfSupporting + g] * taxChange[g];
            tax += change;
            taxNpv += change * discount[g];
        }

        var cost = factors.Cost - 1;
        var effort = factors.EffortCost - 1;
        var netChange = (cost * response[InvestmentNet]) + (effort * response[EffortNet]) + tax;
        var npvChange = (cost * response[InvestmentNpv]) + (effort * response[EffortNpv]) + taxNpv;
        var cumulative = response[Cumulative] + netChange;
        return new LeanResult(response[NetEffect] + netChange, response[Npv] + npvChange, Money.RoundsToAtLeastZero(cumulative));
    }
}

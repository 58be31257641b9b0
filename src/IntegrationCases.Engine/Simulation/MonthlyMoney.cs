using IntegrationCases.Engine.Results;
using IntegrationCases.Engine.Rules;

namespace IntegrationCases.Engine.Simulation;

/// <summary>
/// The money of one month (METHOD.md section 6) for a cohort in its own month t_k, which is calendar month t
/// of the scenario, per unit of the cohort's mass: each line from the states at the start of the month (and,
/// for the bonus, the self-supporting mass of earlier Decembers), by the rule of <c>Rules/</c> that owns it.
/// Signs are from the municipality's side: income positive, cost negative.
/// </summary>
internal static class MonthlyMoney
{
    public static void Of(PriceTable prices, Trajectory states, int ownMonth, int t, bool investmentFuture, double danishPassShare, Span<double> line)
    {
        var onBenefit = states.OnBenefit[ownMonth];
        var selfSupporting = states.SelfSupporting[ownMonth];
        line[LineCatalogue.Ydelse] = Benefit.Ydelse(prices, t, onBenefit);
        line[LineCatalogue.Refusion] = RefusionStaircase.Refusion(prices, t, states.ByClock(ownMonth));
        line[LineCatalogue.Kommuneskat] = Kommuneskat.Tax(prices, t, onBenefit, selfSupporting);
        line[LineCatalogue.Indsats] = EffortAndInvestment.Effort(prices, t, onBenefit);
        line[LineCatalogue.Grundtilskud] = Grundtilskud.Grant(prices, t, ownMonth, onBenefit + selfSupporting);
        line[LineCatalogue.Investering] = investmentFuture ? EffortAndInvestment.Investment(prices, t, ownMonth, onBenefit) : 0.0;
        line[LineCatalogue.StoetteIJob] = EffortAndInvestment.Support(prices, states.Supported[ownMonth]);
        line[LineCatalogue.Resultattilskud] = Resultattilskud.Grant(prices, t, ownMonth, states.Completing[ownMonth]);
        line[LineCatalogue.ResultattilskudDansk] = DanishTest.Grant(prices, t, ownMonth, danishPassShare);
        line[LineCatalogue.Bonus] = Bonus.Payment(prices, t, ownMonth, states.SelfSupportingAfter);
    }

    /// <summary>The sum of a month's lines, in the order of the lines.</summary>
    public static double Net(ReadOnlySpan<double> line)
    {
        var net = 0.0;
        for (var l = 0; l < LineCatalogue.Count; l++)
        {
            net += line[l];
        }

        return net;
    }
}

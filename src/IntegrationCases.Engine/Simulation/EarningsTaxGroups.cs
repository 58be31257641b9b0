using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Rules;

namespace IntegrationCases.Engine.Simulation;

/// <summary>
/// The months of a scenario's timeline in runs that share a horizon year and the same earnings-tax terms
/// (rate, allowances: they change once or twice a year), so that the tax at other earnings is priced once a
/// run rather than once a month, and discounted with its year as <see cref="Totals.NetEffectAndNpv"/> does.
/// Immutable after construction; shared by the workers of an analysis.
/// </summary>
internal sealed class EarningsTaxGroups
{
    private readonly int[] groupOfMonth;
    private readonly EarningsTaxTerms[] terms;
    private readonly double[] taxAtOwnEarnings;
    private readonly double earnings;

    public EarningsTaxGroups(ResolvedScenario scenario, PriceTable prices)
    {
        earnings = scenario.MonthlyEarnings;
        groupOfMonth = new int[prices.Months];
        var groupTerms = new List<EarningsTaxTerms>();
        var groupTax = new List<double>();
        var groupYear = new List<int>();
        for (var t = 0; t < prices.Months; t++)
        {
            var y = t / Calendar.MonthsPerYear;
            var last = groupTerms.Count - 1;
            if (t < prices.FirstMonth)
            {
                groupOfMonth[t] = -1; // no cohort yet: nobody is self-supporting
                continue;
            }

            if (last < 0 || groupYear[last] != y || groupTerms[last] != prices.EarningsTaxTerms[t])
            {
                groupTerms.Add(prices.EarningsTaxTerms[t]);
                groupTax.Add(prices.EarningsTax[t]);
                groupYear.Add(y);
            }

            groupOfMonth[t] = groupTerms.Count - 1;
        }

        terms = [.. groupTerms];
        taxAtOwnEarnings = [.. groupTax];
        Discount = [.. groupYear.Select(y => Math.Pow(1 + scenario.DiscountRate, -y))];
    }

    public int Count => terms.Length;

    /// <summary>The NPV's discount factor of each group's horizon year (year 1 undiscounted).</summary>
    public double[] Discount { get; }

    /// <summary>
    /// Per group, the earnings tax per self-supporting person at the scenario's earnings × <paramref name="earningsFactor"/>
    /// minus that at its own earnings: exactly 0 at a factor of 1 (the same rule on the same amount).
    /// </summary>
    public void TaxChange(double earningsFactor, Span<double> into)
    {
        var scaled = earnings * earningsFactor;
        for (var g = 0; g < terms.Length; g++)
        {
            into[g] = terms[g].Of(scaled) - taxAtOwnEarnings[g];
        }
    }

    /// <summary>
    /// Per group, the self-supporting persons at the start of its months, investment minus baseline, summed over
    /// the months (those self-supporting at a month's start are those self-supporting after the month before).
    /// </summary>
    public void SelfSupportingDifference(FutureRun baseline, FutureRun investment, Span<double> into)
    {
        into[..terms.Length].Clear();
        for (var t = 1; t < groupOfMonth.Length; t++)
        {
            var g = groupOfMonth[t];
            if (g >= 0)
            {
                into[g] += investment.SelfSupportingAfter[t - 1] - baseline.SelfSupportingAfter[t - 1];
            }
        }
    }
}

using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Results;

namespace IntegrationCases.Engine.Simulation;

/// <summary>The two futures of METHOD.md section 1.</summary>
internal enum Future
{
    Baseline,
    Investment,
}

/// <summary>
/// One future of a whole intake plan (METHOD.md section 3a): each cohort in its own months, its unrounded money
/// summed per calendar month on the scenario's timeline. The transitions do not depend on the calendar except
/// through the result grant's schedule, so cohorts whose schedules agree share one simulated trajectory and
/// differ only in the money, which reads the prices of their own calendar months. Reused across the runs of
/// one evaluation (the break-even search re-runs the investment future); not thread-safe.
/// </summary>
internal sealed class PlanSimulation
{
    private readonly ResolvedScenario scenario;
    private readonly PriceTable prices;
    private readonly CohortSimulation simulation = new();
    private readonly List<TransitionSchedule> schedules = [];
    private readonly List<Trajectory> trajectories = [];
    private readonly int[] trajectoryOf;

    public PlanSimulation(ResolvedScenario scenario, PriceTable prices)
    {
        this.scenario = scenario;
        this.prices = prices;
        trajectoryOf = new int[scenario.Cohorts.Length];
        for (var k = 0; k < scenario.Cohorts.Length; k++)
        {
            // Cohorts are sorted by start, so a schedule that covers this one is an earlier, longer one.
            var schedule = TransitionSchedule.For(prices, scenario.Cohorts[k].Offset);
            var shared = schedules.FindIndex(s => s.Covers(schedule));
            if (shared < 0)
            {
                shared = schedules.Count;
                schedules.Add(schedule);
                trajectories.Add(new Trajectory(schedule.Months));
            }

            trajectoryOf[k] = shared;
        }
    }

    public int Months => prices.Months;

    /// <summary>
    /// Runs one future: the money lines in DKK at index t × 10 + line, the persons on benefit at the start of
    /// each month and the persons self-supporting after each month's transitions, all on the scenario's timeline.
    /// Returns the unrounded net total exactly as <see cref="Net"/> sums it.
    /// </summary>
    public double Run(Future future, ReadOnlySpan<double> hazardByYear, Span<double> lines, Span<double> onBenefit, Span<double> selfSupportingAfter)
    {
        Simulate(hazardByYear);
        lines.Clear();
        onBenefit.Clear();
        selfSupportingAfter.Clear();
        Span<double> month = stackalloc double[LineCatalogue.Count];
        var (investment, passShare) = Of(future);
        var total = 0.0;
        for (var k = 0; k < scenario.Cohorts.Length; k++)
        {
            var (_, offset, n) = scenario.Cohorts[k];
            var states = trajectories[trajectoryOf[k]];
            var net = 0.0;
            for (var ownMonth = 0; ownMonth < prices.Months - offset; ownMonth++)
            {
                var t = offset + ownMonth;
                MonthlyMoney.Of(prices, states, ownMonth, t, investment, passShare, month);
                net += MonthlyMoney.Net(month);
                var row = lines.Slice(t * LineCatalogue.Count, LineCatalogue.Count);
                for (var l = 0; l < LineCatalogue.Count; l++)
                {
                    row[l] += month[l] * n;
                }

                onBenefit[t] += states.OnBenefit[ownMonth] * n;
                selfSupportingAfter[t] += states.SelfSupportingAfter[ownMonth] * n;
            }

            total += net * n;
        }

        return total;
    }

    /// <summary>The unrounded net total of one future in DKK, without monthly lines (for the break-even search).</summary>
    public double Net(Future future, ReadOnlySpan<double> hazardByYear)
    {
        Simulate(hazardByYear);
        Span<double> month = stackalloc double[LineCatalogue.Count];
        var (investment, passShare) = Of(future);
        var total = 0.0;
        for (var k = 0; k < scenario.Cohorts.Length; k++)
        {
            var (_, offset, n) = scenario.Cohorts[k];
            var states = trajectories[trajectoryOf[k]];
            var net = 0.0;
            for (var ownMonth = 0; ownMonth < prices.Months - offset; ownMonth++)
            {
                MonthlyMoney.Of(prices, states, ownMonth, offset + ownMonth, investment, passShare, month);
                net += MonthlyMoney.Net(month);
            }

            total += net * n;
        }

        return total;
    }

    private void Simulate(ReadOnlySpan<double> hazardByYear)
    {
        for (var i = 0; i < schedules.Count; i++)
        {
            simulation.Run(prices, hazardByYear, schedules[i], trajectories[i]);
        }
    }

    private (bool Investment, double DanishPassShare) Of(Future future) => future == Future.Investment
        ? (true, scenario.DanishTestInvestmentPassShare)
        : (false, scenario.DanishTestBaselinePassShare);
}

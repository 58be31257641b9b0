using IntegrationCases.Engine.Evaluation;

namespace IntegrationCases.Engine.Simulation;

/// <summary>
/// The break-even effect multiplier of METHOD.md section 7: the λ in [0, λmax] at which the investment future
/// with targets E_y + λ ΔE_y gives a net effect of 0, by bisection to 1e-6 on unrounded net effects. Only the
/// investment future is re-run and only its net total is kept (no monthly lines), which keeps it lean.
/// <see cref="LambdaMax(ResolvedScenario)"/> is the internal entry point for λmax of a resolved scenario.
/// </summary>
internal static class BreakEven
{
    public const double LambdaCeiling = 100;
    public const double Precision = 1e-6;
    private const int FeasibilityIterations = 100;

    /// <summary>How closely λmax is located when reachability, not [0, 1], bounds it.</summary>
    private const double FeasibilityPrecision = 1e-9;

    /// <summary>
    /// λ for a prepared plan: <paramref name="baseNet"/> is the baseline's unrounded net total in DKK. Every
    /// cohort's investment future is scaled at once (METHOD.md section 3a).
    /// </summary>
    public static double? Multiplier(ResolvedScenario scenario, PlanSimulation plan, double baseNet)
    {
        if (!HasEffect(scenario.ExtraShares))
        {
            return null;
        }

        var hazards = new double[scenario.HorizonYears];
        double NetEffect(double lambda)
        {
            var fit = HazardCalibration.Calibrate(scenario.BaselineShares, scenario.ExtraShares, lambda, scenario.JobLossMonthlyProbability, hazards);
            return fit.Ok ? plan.Net(Future.Investment, hazards) - baseNet : double.NaN;
        }

        return Bisect(NetEffect, LambdaMax(scenario));
    }

    /// <summary>λmax for a resolved scenario (its full arrays E_y and ΔE_y; the uncertainty module uses it too).</summary>
    internal static double LambdaMax(ResolvedScenario scenario) =>
        LambdaMax(scenario.BaselineShares, scenario.ExtraShares, scenario.JobLossMonthlyProbability, new double[scenario.HorizonYears]);

    private static bool HasEffect(double[] extra)
    {
        foreach (var d in extra)
        {
            if (d != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Bisection on [0, λmax] to <see cref="Precision"/>; an exact 0 at an end returns that end.</summary>
    private static double? Bisect(Func<double, double> netEffect, double lambdaMax)
    {
        var low = 0.0;
        var fLow = netEffect(low);
        if (fLow == 0)
        {
            return low;
        }

        var high = lambdaMax;
        var fHigh = netEffect(high);
        if (fHigh == 0)
        {
            return high;
        }

        if (double.IsNaN(fLow) || double.IsNaN(fHigh) || Math.Sign(fLow) == Math.Sign(fHigh))
        {
            return null;
        }

        while (high - low > Precision)
        {
            var mid = 0.5 * (low + high);
            var fMid = netEffect(mid);
            if (fMid == 0)
            {
                return mid;
            }

            if (Math.Sign(fMid) == Math.Sign(fLow))
            {
                low = mid;
                fLow = fMid;
            }
            else
            {
                high = mid;
            }
        }

        return 0.5 * (low + high);
    }

    /// <summary>
    /// The largest λ ≤ 100 with every E_y + λ ΔE_y in [0, 1] and reachable. The [0, 1] bound is closed-form;
    /// reachability is then searched between λ = 1 (the scenario itself, validated) and that bound, assuming
    /// a single change from reachable to unreachable (documented in docs/method.md).
    /// </summary>
    internal static double LambdaMax(double[] targets, double[] extra, double jobLoss, double[] scratch)
    {
        var bound = LambdaCeiling;
        for (var y = 0; y < extra.Length; y++)
        {
            if (extra[y] > 0)
            {
                bound = Math.Min(bound, (1 - targets[y]) / extra[y]);
            }
            else if (extra[y] < 0)
            {
                bound = Math.Min(bound, targets[y] / -extra[y]);
            }
        }

        bound = Math.Max(bound, 1);
        if (HazardCalibration.Calibrate(targets, extra, bound, jobLoss, scratch).Ok)
        {
            return bound;
        }

        double feasible = 1, infeasible = bound;
        for (var i = 0; i < FeasibilityIterations && infeasible - feasible > FeasibilityPrecision; i++)
        {
            var mid = 0.5 * (feasible + infeasible);
            if (HazardCalibration.Calibrate(targets, extra, mid, jobLoss, scratch).Ok)
            {
                feasible = mid;
            }
            else
            {
                infeasible = mid;
            }
        }

        return feasible;
    }
}

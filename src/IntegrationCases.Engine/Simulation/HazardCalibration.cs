namespace IntegrationCases.Engine.Simulation;

/// <summary>
/// Calibration of METHOD.md section 5: for each year one constant monthly hazard h so that the share
/// self-supporting at the end of the year meets the target within 1e-12 (bisection; s_12 rises with h).
/// Works on shares alone: the share self-supporting does not depend on the clocks.
/// </summary>
internal static class HazardCalibration
{
    public const double Tolerance = 1e-12;
    private const int MaxIterations = 200;

    /// <summary>The outcome: hazards per year, or the first unreachable year with its reachable range.</summary>
    public readonly record struct Result(bool Ok, int FailedYear, double Low, double High, double Target);

    /// <summary>
    /// Fills <paramref name="hazards"/> (one per year). <paramref name="targets"/> are the end-of-year shares;
    /// when <paramref name="extra"/> is given the target of year y is targets[y] + lambda × extra[y].
    /// </summary>
    public static Result Calibrate(ReadOnlySpan<double> targets, ReadOnlySpan<double> extra, double lambda, double jobLoss, Span<double> hazards)
    {
        var share = 0.0;
        for (var y = 0; y < targets.Length; y++)
        {
            var target = extra.IsEmpty ? targets[y] : targets[y] + (lambda * extra[y]);
            var low = ShareAfterYear(share, 0, jobLoss);
            var high = ShareAfterYear(share, 1, jobLoss);
            if (target < low - Tolerance || target > high + Tolerance)
            {
                return new Result(false, y, low, high, target);
            }

            double h;
            if (target <= low + Tolerance)
            {
                h = 0;
            }
            else if (target >= high - Tolerance)
            {
                h = 1;
            }
            else
            {
                double a = 0, b = 1;
                h = 0.5;
                for (var i = 0; i < MaxIterations; i++)
                {
                    h = 0.5 * (a + b);
                    var reached = ShareAfterYear(share, h, jobLoss);
                    if (Math.Abs(reached - target) < Tolerance)
                    {
                        break;
                    }

                    if (reached < target)
                    {
                        a = h;
                    }
                    else
                    {
                        b = h;
                    }
                }
            }

            hazards[y] = h;
            share = ShareAfterYear(share, h, jobLoss);
        }

        return new Result(true, -1, 0, 0, 0);
    }

    /// <summary>s_{k+1} = s_k (1 − r) + (1 − s_k) h, twelve times.</summary>
    public static double ShareAfterYear(double share, double hazard, double jobLoss)
    {
        for (var k = 0; k < 12; k++)
        {
            share = (share * (1 - jobLoss)) + ((1 - share) * hazard);
        }

        return share;
    }
}

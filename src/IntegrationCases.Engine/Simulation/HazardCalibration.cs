namespace IntegrationCases.Engine.Simulation;

/// <summary>
/// Calibration of METHOD.md section 5: for each year one constant monthly hazard h so that the share
/// self-supporting at the end of the year meets the target within 1e-12 (Newton steps inside a bisection bracket; s_12 rises with h).
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
                h = Solve(share, target, low, high, jobLoss);
            }

            hazards[y] = h;
            share = ShareAfterYear(share, h, jobLoss);
        }

        return new Result(true, -1, 0, 0, 0);
    }

    /// <summary>
    /// The hazard that meets the target within the tolerance: Newton steps on s_12(h) (smooth and rising),
    /// kept inside a bisection bracket so that it always converges; a plain bisection finishes the job if
    /// Newton has not (it rarely needs more than five steps).
    /// </summary>
    private static double Solve(double share, double target, double low, double high, double jobLoss)
    {
        double a = 0, b = 1;
        var h = Math.Clamp((target - low) / (high - low), 0, 1);
        for (var i = 0; i < MaxIterations; i++)
        {
            var (reached, slope) = ShareAndSlopeAfterYear(share, h, jobLoss);
            var difference = reached - target;
            if (Math.Abs(difference) < Tolerance)
            {
                return h;
            }

            if (difference < 0)
            {
                a = h;
            }
            else
            {
                b = h;
            }

            var next = slope > 0 ? h - (difference / slope) : double.NaN;
            h = next > a && next < b ? next : 0.5 * (a + b);
            if (b - a < 1e-17)
            {
                return h;
            }
        }

        return h;
    }

    /// <summary>s_12 and its derivative with respect to h (forward mode through the twelve steps).</summary>
    private static (double Share, double Slope) ShareAndSlopeAfterYear(double share, double hazard, double jobLoss)
    {
        var slope = 0.0;
        var keep = 1 - jobLoss - hazard;
        for (var k = 0; k < Calendar.MonthsPerYear; k++)
        {
            slope = (slope * keep) + (1 - share);
            share = (share * (1 - jobLoss)) + ((1 - share) * hazard);
        }

        return (share, slope);
    }

    /// <summary>s_{k+1} = s_k (1 − r) + (1 − s_k) h, twelve times.</summary>
    public static double ShareAfterYear(double share, double hazard, double jobLoss)
    {
        for (var k = 0; k < Calendar.MonthsPerYear; k++)
        {
            share = (share * (1 - jobLoss)) + ((1 - share) * hazard);
        }

        return share;
    }
}

using IntegrationCases.Engine.Results;

namespace IntegrationCases.Engine.Simulation;

/// <summary>
/// The unrounded sums that METHOD.md section 7 reports, taken on the scenario's timeline from both futures'
/// monthly money (after the cohorts are summed). Shared by the full result and the lean evaluation, so both
/// give the same doubles.
/// </summary>
internal static class Totals
{
    private const int Lines = LineCatalogue.Count;

    /// <summary>Yearly totals by line (index y × 10 + line).</summary>
    public static double[] ByYear(double[] monthlyLines, int horizonYears)
    {
        var yearly = new double[horizonYears * Lines];
        for (var t = 0; t < horizonYears * Calendar.MonthsPerYear; t++)
        {
            var y = t / Calendar.MonthsPerYear;
            for (var l = 0; l < Lines; l++)
            {
                yearly[(y * Lines) + l] += monthlyLines[(t * Lines) + l];
            }
        }

        return yearly;
    }

    /// <summary>A year's net: the sum of its lines in line order.</summary>
    public static double Net(double[] yearly, int y)
    {
        var net = 0.0;
        for (var l = 0; l < Lines; l++)
        {
            net += yearly[(y * Lines) + l];
        }

        return net;
    }

    /// <summary>netEffectByYear: investment net minus baseline net, year by year.</summary>
    public static double[] NetDifferenceByYear(double[] baseYearly, double[] investYearly, int horizonYears)
    {
        var difference = new double[horizonYears];
        for (var y = 0; y < horizonYears; y++)
        {
            difference[y] = Net(investYearly, y) - Net(baseYearly, y);
        }

        return difference;
    }

    /// <summary>netEffectTotal and npv (year 1 undiscounted), from unrounded yearly differences.</summary>
    public static (double NetEffect, double Npv) NetEffectAndNpv(double[] netDifferenceByYear, double discountRate)
    {
        var netEffect = 0.0;
        var npv = 0.0;
        for (var y = 0; y < netDifferenceByYear.Length; y++)
        {
            netEffect += netDifferenceByYear[y];
            npv += netDifferenceByYear[y] * Math.Pow(1 + discountRate, -y);
        }

        return (netEffect, npv);
    }

    /// <summary>investmentTotal: minus the sum of <c>investering</c> over the horizon.</summary>
    public static double InvestmentTotal(double[] investLines)
    {
        var total = 0.0;
        for (var i = LineCatalogue.Investering; i < investLines.Length; i += Lines)
        {
            total -= investLines[i];
        }

        return total;
    }

    /// <summary>The first month (1-based) from which the rounded cumulative monthly difference stays ≥ 0.00 to the end.</summary>
    public static int? PaybackMonth(double[] baseLines, double[] investLines)
    {
        var cumulative = CumulativeDifference(baseLines, investLines);
        var months = cumulative.Length;
        int? payback = null;
        for (var t = months - 1; t >= 0 && Money.RoundToOere(cumulative[t]) >= 0m; t--)
        {
            payback = t + 1;
        }

        return payback;
    }

    /// <summary>
    /// The unrounded cumulative monthly difference (investment minus baseline, every line) at the end of each month.
    /// A payback month exists exactly when the last one rounds to ≥ 0.00 (the lean evaluation reads only that one).
    /// </summary>
    public static double[] CumulativeDifference(double[] baseLines, double[] investLines)
    {
        var months = baseLines.Length / Lines;
        var cumulative = new double[months];
        var running = 0.0;
        for (var t = 0; t < months; t++)
        {
            var monthDifference = 0.0;
            for (var l = 0; l < Lines; l++)
            {
                monthDifference += investLines[(t * Lines) + l] - baseLines[(t * Lines) + l];
            }

            running += monthDifference;
            cumulative[t] = running;
        }

        return cumulative;
    }

    /// <summary>Persons, summed over the months: baseline minus investment mass on benefit at each month's start.</summary>
    public static double BenefitMonthsSaved(FutureRun baseline, FutureRun investment)
    {
        var saved = 0.0;
        for (var t = 0; t < baseline.OnBenefit.Length; t++)
        {
            saved += baseline.OnBenefit[t] - investment.OnBenefit[t];
        }

        return saved;
    }
}

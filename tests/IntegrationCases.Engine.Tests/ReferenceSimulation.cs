using IntegrationCases.Engine.Simulation;

namespace IntegrationCases.Engine.Tests;

/// <summary>
/// TEST REFERENCE: the first, state-by-state 'push' implementation of the cohort model, kept to hold the
/// optimised <see cref="CohortSimulation"/> against. One future of the cohort model (METHOD.md sections 3, 4 and 6), month by month, per unit of participant
/// mass. States: B(c, p) and S(c, j, p). Twelve months of self-support reset the clock, so S(c, j, p) with
/// j ≥ 12 always has c = 0 and is stored without a clock; this halves the state space without changing any
/// number. Allocation-light: the caller owns the buffers; no LINQ, no closures in the loop.
/// </summary>
internal sealed class ReferenceSimulation
{
    public const int LineCount = 10;
    public const int Ydelse = 0, Refusion = 1, Kommuneskat = 2, Indsats = 3, Grundtilskud = 4,
        Investering = 5, StoetteIJob = 6, Resultattilskud = 7, ResultattilskudDansk = 8, Bonus = 9;

    private const int Clocks = 13;
    private const int LowSpell = 12;   // j = 0..11 keep their clock
    private const int HighSpell = 13;  // j = 12..24, clock 0

    // Current and next month's masses; swapped after each month instead of copied.
    private double[] b = new double[Clocks * 2];
    private double[] nb = new double[Clocks * 2];
    private double[] sl = new double[Clocks * LowSpell * 2];
    private double[] nsl = new double[Clocks * LowSpell * 2];
    private double[] sh = new double[HighSpell * 2];
    private double[] nsh = new double[HighSpell * 2];

    /// <summary>
    /// Runs one future and returns its net total (per unit mass). Optional outputs: the money lines per month
    /// (index t × 10 + line), the mass on benefit at the start of each month and the mass self-supporting after
    /// each month's transitions.
    /// </summary>
    public double Run(
        PriceTable prices,
        ReadOnlySpan<double> hazardByYear,
        bool investmentFuture,
        double danishPassShare,
        Span<double> lines,
        Span<double> onBenefitAtStart,
        Span<double> selfSupportingAfter)
    {
        Array.Clear(b);
        Array.Clear(sl);
        Array.Clear(sh);
        b[prices.InitialClock * 2] = 1.0;

        var r = prices.JobLoss;
        var stay = 1 - r;
        var supportDuration = prices.SupportDuration;
        var supportCost = prices.SupportCost;
        var refusion = prices.Refusion;
        var months = prices.Months;
        var keepLines = !lines.IsEmpty;
        var net = 0.0;
        var previousDecember = 0.0;

        for (var t = 0; t < months; t++)
        {
            var h = hazardByYear[t / 12];
            var notH = 1 - h;
            var condition = prices.ResultCondition[t];

            // Aggregates of the states at the start of the month.
            var onBenefit = 0.0;
            var refunded = 0.0;
            var refusionRow = t * Clocks;
            for (var c = 0; c < Clocks; c++)
            {
                var m = b[c * 2] + b[(c * 2) + 1];
                onBenefit += m;
                refunded += m * refusion[refusionRow + c];
            }

            var selfSupporting = 0.0;
            var supported = 0.0;
            var grantMass = 0.0;
            for (var c = 0; c < Clocks; c++)
            {
                var row = c * LowSpell * 2;
                for (var j = 0; j < LowSpell; j++)
                {
                    var m = sl[row + (j * 2)] + sl[row + (j * 2) + 1];
                    selfSupporting += m;
                    if (j < supportDuration)
                    {
                        supported += m;
                    }
                }

                grantMass += sl[row + (5 * 2)];
            }

            for (var k = 0; k < HighSpell; k++)
            {
                var m = sh[k * 2] + sh[(k * 2) + 1];
                selfSupporting += m;
                if (LowSpell + k < supportDuration)
                {
                    supported += m;
                }
            }

            // Money of the month (METHOD.md section 6), signs from the municipality's side.
            var benefit = prices.Benefit[t];
            var ydelse = -benefit * onBenefit;
            var refusionLine = benefit * refunded;
            var tax = (prices.BenefitTax[t] * onBenefit) + (prices.EarningsTax[t] * selfSupporting);
            var indsats = -prices.EffortCost[t] * onBenefit;
            var grund = prices.Grundtilskud[t] * (onBenefit + selfSupporting);
            var investering = 0.0;
            if (investmentFuture)
            {
                investering = -prices.InvestmentCost[t] * onBenefit;
                if (t == 0)
                {
                    investering -= prices.OneOffCost;
                }
            }

            var support = -supportCost * supported;
            var result = condition ? grantMass * stay * prices.ResultGrant[t] : 0.0;
            var danish = t == prices.DanishMonth ? prices.DanishGrant * danishPassShare : 0.0;

            // Transitions at the end of the month (METHOD.md section 4).
            Array.Clear(nb);
            Array.Clear(nsl);
            Array.Clear(nsh);
            for (var c = 0; c < Clocks; c++)
            {
                var next = c < Clocks - 1 ? c + 1 : c;
                for (var p = 0; p < 2; p++)
                {
                    var m = b[(c * 2) + p];
                    if (m == 0)
                    {
                        continue;
                    }

                    nb[(next * 2) + p] += m * notH;
                    nsl[(next * LowSpell * 2) + p] += m * h;
                }
            }

            for (var c = 0; c < Clocks; c++)
            {
                var row = c * LowSpell * 2;
                for (var j = 0; j < LowSpell; j++)
                {
                    for (var p = 0; p < 2; p++)
                    {
                        var m = sl[row + (j * 2) + p];
                        if (m == 0)
                        {
                            continue;
                        }

                        nb[(c * 2) + p] += m * r;
                        var kept = m * stay;
                        var nextP = j == 5 && condition ? 1 : p;
                        if (j + 1 >= LowSpell)
                        {
                            nsh[nextP] += kept; // twelve months in a row: clock reset, j = 12
                        }
                        else
                        {
                            nsl[row + ((j + 1) * 2) + nextP] += kept;
                        }
                    }
                }
            }

            for (var k = 0; k < HighSpell; k++)
            {
                var nextK = k < HighSpell - 1 ? k + 1 : k;
                for (var p = 0; p < 2; p++)
                {
                    var m = sh[(k * 2) + p];
                    if (m == 0)
                    {
                        continue;
                    }

                    nb[p] += m * r; // clock 0
                    nsh[(nextK * 2) + p] += m * stay;
                }
            }

            (b, nb) = (nb, b);
            (sl, nsl) = (nsl, sl);
            (sh, nsh) = (nsh, sh);

            var after = 0.0;
            for (var i = 0; i < sl.Length; i++)
            {
                after += sl[i];
            }

            for (var i = 0; i < sh.Length; i++)
            {
                after += sh[i];
            }

            var bonus = 0.0;
            if (prices.December[t])
            {
                if (prices.BonusMonth[t])
                {
                    bonus = prices.Bonus[t] * (after - previousDecember);
                }

                previousDecember = after;
            }

            var monthNet = ydelse + refusionLine + tax + indsats + grund + investering + support + result + danish + bonus;
            net += monthNet;

            if (keepLines)
            {
                var o = t * LineCount;
                lines[o + Ydelse] = ydelse;
                lines[o + Refusion] = refusionLine;
                lines[o + Kommuneskat] = tax;
                lines[o + Indsats] = indsats;
                lines[o + Grundtilskud] = grund;
                lines[o + Investering] = investering;
                lines[o + StoetteIJob] = support;
                lines[o + Resultattilskud] = result;
                lines[o + ResultattilskudDansk] = danish;
                lines[o + Bonus] = bonus;
            }

            if (!onBenefitAtStart.IsEmpty)
            {
                onBenefitAtStart[t] = onBenefit;
            }

            if (!selfSupportingAfter.IsEmpty)
            {
                selfSupportingAfter[t] = after;
            }
        }

        return net;
    }
}

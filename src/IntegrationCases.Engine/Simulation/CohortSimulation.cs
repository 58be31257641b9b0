using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace IntegrationCases.Engine.Simulation;

/// <summary>
/// One future of the cohort model (METHOD.md sections 3, 4 and 6), month by month, per unit of participant
/// mass. States: B(c, p) and S(c, j, p).
/// <para>
/// Layout and speed: twelve months of self-support reset the clock, so S(c, j, p) with j ≥ 12 always has
/// c = 0 and is stored without a clock ('high' spells). Low spells (j = 0..11) are stored as contiguous rows
/// of 12 per (p, c). Each month makes one pass over the rows (row sums give the self-supporting mass, the
/// job losses back to B(c, p) and the supported mass), then moves every row one step along j in place, in
/// reverse order, instead of scattering into a second buffer. The result is the same arithmetic as a
/// state-by-state push (tests hold it against such a reference), with no allocation and no branch per state.
/// </para>
/// </summary>
internal sealed class CohortSimulation
{
    public const int LineCount = 10;
    public const int Ydelse = 0, Refusion = 1, Kommuneskat = 2, Indsats = 3, Grundtilskud = 4,
        Investering = 5, StoetteIJob = 6, Resultattilskud = 7, ResultattilskudDansk = 8, Bonus = 9;

    private const int Clocks = 13;
    private const int LowSpell = 12;   // j = 0..11 keep their clock
    private const int HighSpell = 13;  // j = 12..24, clock 0
    private const int GrantSpellMonth = 5;

    private readonly double[] b = new double[2 * Clocks];                 // [p * 13 + c]
    private readonly double[] sl = new double[2 * Clocks * LowSpell];     // [(p * 13 + c) * 12 + j]
    private readonly double[] sh = new double[2 * HighSpell];             // [p * 13 + (j - 12)]
    private readonly double[] rowSum = new double[2 * Clocks];            // low-spell mass per (p, c)

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
        b[prices.InitialClock] = 1.0; // p = 0

        var r = prices.JobLoss;
        var stay = 1 - r;
        var supportDuration = prices.SupportDuration;
        var lowSupported = Math.Min(supportDuration, LowSpell);
        var highSupported = Math.Max(0, supportDuration - LowSpell);
        var supportCost = prices.SupportCost;
        var refusion = prices.Refusion;
        var months = prices.Months;
        var keepLines = !lines.IsEmpty;
        var net = 0.0;
        var previousDecember = 0.0;
        var selfSupporting = 0.0; // at the start of month 0 everybody is on benefit

        for (var t = 0; t < months; t++)
        {
            var h = hazardByYear[t / 12];
            var notH = 1 - h;
            var condition = prices.ResultCondition[t];

            // One pass over the states at the start of the month.
            var onBenefit = 0.0;
            var refunded = 0.0;
            var refusionRow = t * Clocks;
            for (var c = 0; c < Clocks; c++)
            {
                var m = b[c] + b[Clocks + c];
                onBenefit += m;
                refunded += m * refusion[refusionRow + c];
            }

            var supported = 0.0;
            var grantMass = 0.0;
            ref var low = ref MemoryMarshal.GetArrayDataReference(sl);
            for (var row = 0; row < 2 * Clocks; row++)
            {
                var o = (nuint)(row * LowSpell);

                // Three lanes of four; the lanes are added in a fixed order, so the sum is the same on any CPU.
                var v = Vector256.LoadUnsafe(ref low, o) + Vector256.LoadUnsafe(ref low, o + 4) + Vector256.LoadUnsafe(ref low, o + 8);
                var sum = ((v.GetElement(0) + v.GetElement(1)) + v.GetElement(2)) + v.GetElement(3);
                if (lowSupported == LowSpell)
                {
                    supported += sum;
                }
                else if (lowSupported > 0)
                {
                    for (var j = 0; j < lowSupported; j++)
                    {
                        supported += sl[(int)o + j];
                    }
                }

                rowSum[row] = sum;
                if (row < Clocks)
                {
                    grantMass += sl[(int)o + GrantSpellMonth]; // p = 0
                }
            }

            var highMass0 = 0.0;
            var highMass1 = 0.0;
            for (var k = 0; k < HighSpell; k++)
            {
                highMass0 += sh[k];
                highMass1 += sh[HighSpell + k];
                if (k < highSupported)
                {
                    supported += sh[k] + sh[HighSpell + k];
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

            // Transitions at the end of the month (METHOD.md section 4), pulled into place in reverse order.
            // High spells: j = 24 absorbs, j = 13..24 shift, j = 12 comes from the low spells' j = 11 (any clock).
            for (var p = 0; p < 2; p++)
            {
                var o = p * HighSpell;
                sh[o + HighSpell - 1] = stay * (sh[o + HighSpell - 2] + sh[o + HighSpell - 1]);
                for (var k = HighSpell - 2; k >= 1; k--)
                {
                    sh[o + k] = stay * sh[o + k - 1];
                }

                var fromLow = 0.0;
                for (var c = 0; c < Clocks; c++)
                {
                    fromLow += sl[(((p * Clocks) + c) * LowSpell) + LowSpell - 1];
                }

                sh[o] = stay * fromLow;
            }

            // Low spells: j = 1..11 from j - 1 (the result grant flips p at j = 5 → 6), j = 0 from benefit.
            // Moved in place from the end of each row: j = 8..11 from 7..10, then 4..7 from 3..6, then 1..3.
            var stayVector = Vector256.Create(stay);
            for (var c = 0; c < Clocks; c++)
            {
                var o0 = c * LowSpell;
                var o1 = (Clocks + c) * LowSpell;
                foreach (var o in (ReadOnlySpan<int>)[o0, o1])
                {
                    var at = (nuint)o;
                    (stayVector * Vector256.LoadUnsafe(ref low, at + 7)).StoreUnsafe(ref low, at + 8);
                    (stayVector * Vector256.LoadUnsafe(ref low, at + 3)).StoreUnsafe(ref low, at + 4);
                    sl[o + 3] = stay * sl[o + 2];
                    sl[o + 2] = stay * sl[o + 1];
                    sl[o + 1] = stay * sl[o];
                }

                if (condition)
                {
                    sl[o1 + GrantSpellMonth + 1] += sl[o0 + GrantSpellMonth + 1];
                    sl[o0 + GrantSpellMonth + 1] = 0;
                }

                // B(c - 1, p) → S(c, 0, p); the clock tops out at 12.
                double in0, in1;
                if (c == 0)
                {
                    in0 = 0;
                    in1 = 0;
                }
                else if (c == Clocks - 1)
                {
                    in0 = b[c - 1] + b[c];
                    in1 = b[Clocks + c - 1] + b[Clocks + c];
                }
                else
                {
                    in0 = b[c - 1];
                    in1 = b[Clocks + c - 1];
                }

                sl[o0] = h * in0;
                sl[o1] = h * in1;
            }

            // Benefit: B(c - 1, p) stays on benefit with the clock one on; job losses return to B(c, p).
            for (var p = 0; p < 2; p++)
            {
                var o = p * Clocks;
                b[o + Clocks - 1] = (notH * (b[o + Clocks - 2] + b[o + Clocks - 1])) + (r * rowSum[o + Clocks - 1]);
                for (var c = Clocks - 2; c >= 1; c--)
                {
                    b[o + c] = (notH * b[o + c - 1]) + (r * rowSum[o + c]);
                }

                b[o] = (r * rowSum[o]) + (r * (p == 0 ? highMass0 : highMass1));
            }

            var after = (stay * selfSupporting) + (h * onBenefit);

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

            selfSupporting = after;
        }

        return net;
    }
}

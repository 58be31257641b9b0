namespace IntegrationCases.Engine.Simulation;

/// <summary>
/// One future of the cohort model (METHOD.md sections 3, 4 and 6), month by month, per unit of participant
/// mass. States: B(c, p) and S(c, j, p).
/// <para>
/// Layout and speed: twelve months of self-support reset the clock, so S(c, j, p) with j ≥ 12 always has
/// c = 0 and is stored without a clock ('high' spells, shifted each month). Low spells (j = 0..11) live in
/// a ring of 12 slots per (p, c): the entry j months into its spell sits in slot (t − j) mod 12, stored as
/// it entered, so its mass now is the stored value × (1 − r)^j; row sums (and the supported part) are kept
/// up to date incrementally. A month is therefore O(1) per row instead of O(12): no shifting, no second
/// buffer, no allocation. Tests hold it against the state-by-state reference implementation.
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
    private readonly double[] ring = new double[2 * Clocks * LowSpell];   // [(p * 13 + c) * 12 + slot]
    private readonly double[] sh = new double[2 * HighSpell];             // [p * 13 + (j - 12)]
    private readonly double[] rowSum = new double[2 * Clocks];            // low-spell mass per (p, c)
    private readonly double[] rowSupported = new double[2 * Clocks];      // of which j < support duration
    private readonly double[] decay = new double[LowSpell + 1];           // (1 - r)^j
    private readonly double[] returns = new double[2 * Clocks];           // job losses back to B(c, p)

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
        Array.Clear(ring);
        Array.Clear(sh);
        Array.Clear(rowSum);
        Array.Clear(rowSupported);
        b[prices.InitialClock] = 1.0; // p = 0

        var r = prices.JobLoss;
        var stay = 1 - r;
        decay[0] = 1;
        for (var j = 1; j <= LowSpell; j++)
        {
            decay[j] = decay[j - 1] * stay;
        }

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

            // Low spells live in a ring per (p, c): the entry that is j months into its spell sits in slot
            // (t - j) mod 12 and is stored as it entered, so its mass now is the stored value × (1 - r)^j.
            var tm = t % LowSpell;
            var slotGrant = (tm - GrantSpellMonth + LowSpell) % LowSpell;
            var slotLast = (tm - (LowSpell - 1) + LowSpell) % LowSpell;
            var slotSupportEdge = lowSupported is > 0 and < LowSpell ? (tm - (lowSupported - 1) + LowSpell) % LowSpell : 0;

            // The states at the start of the month.
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
            for (var row = 0; row < 2 * Clocks; row++)
            {
                supported += rowSupported[row];
                if (row < Clocks)
                {
                    grantMass += ring[(row * LowSpell) + slotGrant]; // p = 0
                }
            }

            grantMass *= decay[GrantSpellMonth];
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

            // Transitions at the end of the month (METHOD.md section 4).
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
                    fromLow += ring[(((p * Clocks) + c) * LowSpell) + slotLast];
                }

                sh[o] = decay[LowSpell] * fromLow;
            }

            // Low spells: every row ages one month (its sum loses j = 11 and the job losses), the result grant
            // moves j = 5 from p = 0 to p = 1, and B(c - 1, p) enters at j = 0 in the slot j = 11 leaves.
            for (var c = 0; c < Clocks; c++)
            {
                double in0, in1;
                if (c == 0)
                {
                    in0 = 0;
                    in1 = 0;
                }
                else if (c == Clocks - 1)
                {
                    in0 = h * (b[c - 1] + b[c]);
                    in1 = h * (b[Clocks + c - 1] + b[Clocks + c]);
                }
                else
                {
                    in0 = h * b[c - 1];
                    in1 = h * b[Clocks + c - 1];
                }

                var row0 = c;
                var row1 = Clocks + c;
                var o0 = row0 * LowSpell;
                var o1 = row1 * LowSpell;
                var leaving0 = ring[o0 + slotLast] * decay[LowSpell - 1];
                var leaving1 = ring[o1 + slotLast] * decay[LowSpell - 1];
                var sum0 = stay * (rowSum[row0] - leaving0);
                var sum1 = stay * (rowSum[row1] - leaving1);
                double supported0 = 0, supported1 = 0;
                if (lowSupported == LowSpell)
                {
                    supported0 = sum0;
                    supported1 = sum1;
                }
                else if (lowSupported > 0)
                {
                    supported0 = stay * (rowSupported[row0] - (ring[o0 + slotSupportEdge] * decay[lowSupported - 1]));
                    supported1 = stay * (rowSupported[row1] - (ring[o1 + slotSupportEdge] * decay[lowSupported - 1]));
                }

                if (condition)
                {
                    var moved = stay * ring[o0 + slotGrant] * decay[GrantSpellMonth];
                    sum0 -= moved;
                    sum1 += moved;
                    if (lowSupported is > GrantSpellMonth + 1 and < LowSpell)
                    {
                        supported0 -= moved;
                        supported1 += moved;
                    }

                    ring[o1 + slotGrant] += ring[o0 + slotGrant];
                    ring[o0 + slotGrant] = 0;
                }

                // Job losses go back to benefit with the clock where it stopped (B is updated below).
                returns[row0] = r * rowSum[row0];
                returns[row1] = r * rowSum[row1];
                ring[o0 + slotLast] = in0;
                ring[o1 + slotLast] = in1;
                rowSum[row0] = sum0 + in0;
                rowSum[row1] = sum1 + in1;
                if (lowSupported > 0)
                {
                    rowSupported[row0] = supported0 + in0;
                    rowSupported[row1] = supported1 + in1;
                }
            }

            // Benefit: B(c - 1, p) stays on benefit with the clock one on; job losses return to B(c, p).
            for (var p = 0; p < 2; p++)
            {
                var o = p * Clocks;
                b[o + Clocks - 1] = (notH * (b[o + Clocks - 2] + b[o + Clocks - 1])) + returns[o + Clocks - 1];
                for (var c = Clocks - 2; c >= 1; c--)
                {
                    b[o + c] = (notH * b[o + c - 1]) + returns[o + c];
                }

                b[o] = returns[o] + (r * (p == 0 ? highMass0 : highMass1));
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

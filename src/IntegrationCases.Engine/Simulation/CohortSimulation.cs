using IntegrationCases.Engine.Rules;

namespace IntegrationCases.Engine.Simulation;

/// <summary>
/// The transitions of the cohort model (METHOD.md sections 3 and 4), month by month, per unit of a cohort's
/// mass, recording at each month's start what the money of that month needs (<see cref="Trajectory"/>). The
/// money itself is <see cref="MonthlyMoney"/>. States: B(c, p) and S(c, j, p).
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
    private const int Clocks = RefusionStaircase.ClockStates;
    private const int LowSpell = 12;   // j = 0..11 keep their clock; twelve in a row reset it (section 4)
    private const int HighSpell = 13;  // j = 12..24, clock 0; 24 means 24 or more (section 3)

    private readonly double[] b = new double[2 * Clocks];                 // [p * 13 + c]
    private readonly double[] ring = new double[2 * Clocks * LowSpell];   // [(p * 13 + c) * 12 + slot]
    private readonly double[] sh = new double[2 * HighSpell];             // [p * 13 + (j - 12)]
    private readonly double[] rowSum = new double[2 * Clocks];            // low-spell mass per (p, c)
    private readonly double[] rowSupported = new double[2 * Clocks];      // of which j < support duration
    private readonly double[] decay = new double[LowSpell + 1];           // (1 - r)^j
    private readonly double[] returns = new double[2 * Clocks];           // job losses back to B(c, p)

    private double r, stay, highMass0, highMass1;
    private int lowSupported, highSupported;

    /// <summary>Runs the months of <paramref name="into"/> under <paramref name="schedule"/> and records them.</summary>
    public void Run(PriceTable prices, ReadOnlySpan<double> hazardByYear, TransitionSchedule schedule, Trajectory into)
    {
        Reset(prices);
        var selfSupporting = 0.0; // at the start of month 0 everybody is on benefit
        for (var t = 0; t < into.Months; t++)
        {
            var h = hazardByYear[t / Calendar.MonthsPerYear];
            var spell = schedule.SpellMonth[t];

            // Low spells live in a ring per (p, c): the entry that is j months into its spell sits in slot
            // (t - j) mod 12 and is stored as it entered, so its mass now is the stored value × (1 - r)^j.
            var tm = t % LowSpell;
            var slotGrant = (tm - spell + LowSpell) % LowSpell;
            var slotLast = (tm - (LowSpell - 1) + LowSpell) % LowSpell;
            var slotSupportEdge = lowSupported is > 0 and < LowSpell ? (tm - (lowSupported - 1) + LowSpell) % LowSpell : 0;

            var onBenefit = RecordStart(t, selfSupporting, slotGrant, spell, into);
            AgeHighSpells(slotLast);
            AgeLowSpells(h, schedule.GrantCondition[t], spell, slotGrant, slotLast, slotSupportEdge);
            AgeBenefit(h);
            selfSupporting = (stay * selfSupporting) + (h * onBenefit);
            into.SelfSupportingAfter[t] = selfSupporting;
        }
    }

    private void Reset(PriceTable prices)
    {
        Array.Clear(b);
        Array.Clear(ring);
        Array.Clear(sh);
        Array.Clear(rowSum);
        Array.Clear(rowSupported);
        b[prices.InitialClock] = 1.0; // p = 0
        r = prices.JobLoss;
        stay = 1 - r;
        decay[0] = 1;
        for (var j = 1; j <= LowSpell; j++)
        {
            decay[j] = decay[j - 1] * stay;
        }

        lowSupported = Math.Min(prices.SupportDuration, LowSpell);
        highSupported = Math.Max(0, prices.SupportDuration - LowSpell);
    }

    /// <summary>The masses at the start of month t that the month's money needs; returns the mass on benefit.</summary>
    private double RecordStart(int t, double selfSupporting, int slotGrant, int spell, Trajectory into)
    {
        // Locals, not fields, in the loops: the JIT keeps them in registers.
        var (b, ring, sh, rowSupported, highSupported) = (this.b, this.ring, this.sh, this.rowSupported, this.highSupported);
        var onBenefit = 0.0;
        var byClock = into.OnBenefitByClock.AsSpan(t * Clocks, Clocks);
        for (var c = 0; c < Clocks; c++)
        {
            var m = b[c] + b[Clocks + c];
            onBenefit += m;
            byClock[c] = m;
        }

        var supported = 0.0;
        var completing = 0.0;
        for (var row = 0; row < 2 * Clocks; row++)
        {
            supported += rowSupported[row];
            if (row < Clocks)
            {
                completing += ring[(row * LowSpell) + slotGrant]; // p = 0
            }
        }

        double high0 = 0.0, high1 = 0.0;
        for (var k = 0; k < HighSpell; k++)
        {
            high0 += sh[k];
            high1 += sh[HighSpell + k];
            if (k < highSupported)
            {
                supported += sh[k] + sh[HighSpell + k];
            }
        }

        (highMass0, highMass1) = (high0, high1);

        into.OnBenefit[t] = onBenefit;
        into.SelfSupporting[t] = selfSupporting;
        into.Supported[t] = supported;
        into.Completing[t] = completing * decay[spell];
        return onBenefit;
    }

    /// <summary>High spells: j = 24 absorbs, j = 13..24 shift, j = 12 comes from the low spells' j = 11 (any clock).</summary>
    private void AgeHighSpells(int slotLast)
    {
        var (ring, sh, stay) = (this.ring, this.sh, this.stay);
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
    }

    /// <summary>
    /// Low spells: every row ages one month (its sum loses j = 11 and the job losses), the result grant moves
    /// the completing spell month from p = 0 to p = 1, and B(c − 1, p) enters at j = 0 in the slot j = 11 leaves.
    /// </summary>
    private void AgeLowSpells(double h, bool grantCondition, int spell, int slotGrant, int slotLast, int slotSupportEdge)
    {
        var (ring, rowSum, rowSupported, returns, decay) = (this.ring, this.rowSum, this.rowSupported, this.returns, this.decay);
        var (r, stay, lowSupported) = (this.r, this.stay, this.lowSupported);
        for (var c = 0; c < Clocks; c++)
        {
            var (in0, in1) = Entering(h, c);
            var row0 = c;
            var row1 = Clocks + c;
            var o0 = row0 * LowSpell;
            var o1 = row1 * LowSpell;
            var sum0 = stay * (rowSum[row0] - (ring[o0 + slotLast] * decay[LowSpell - 1]));
            var sum1 = stay * (rowSum[row1] - (ring[o1 + slotLast] * decay[LowSpell - 1]));
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

            if (grantCondition)
            {
                var moved = stay * ring[o0 + slotGrant] * decay[spell];
                sum0 -= moved;
                sum1 += moved;
                if (lowSupported > spell + 1 && lowSupported < LowSpell)
                {
                    supported0 -= moved;
                    supported1 += moved;
                }

                ring[o1 + slotGrant] += ring[o0 + slotGrant];
                ring[o0 + slotGrant] = 0;
            }

            // Job losses go back to benefit with the clock where it stopped (B is updated in AgeBenefit).
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
    }

    /// <summary>The mass entering S(c, 0, p) from B(c − 1, p) (and from B(12, p), whose clock stays at 12).</summary>
    private (double P0, double P1) Entering(double h, int c)
    {
        if (c == 0)
        {
            return (0, 0);
        }

        if (c == Clocks - 1)
        {
            return (h * (b[c - 1] + b[c]), h * (b[Clocks + c - 1] + b[Clocks + c]));
        }

        return (h * b[c - 1], h * b[Clocks + c - 1]);
    }

    /// <summary>Benefit: B(c − 1, p) stays on benefit with the clock one on; job losses return to B(c, p).</summary>
    private void AgeBenefit(double h)
    {
        var (b, returns, r) = (this.b, this.returns, this.r);
        var notH = 1 - h;
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
    }
}

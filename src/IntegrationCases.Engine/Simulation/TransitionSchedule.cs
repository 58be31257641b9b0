using IntegrationCases.Engine.Rules;

namespace IntegrationCases.Engine.Simulation;

/// <summary>
/// What the transitions of a cohort depend on besides its hazards (METHOD.md section 4): in each own month,
/// the spell month at which the result grant's months in a job are complete and whether the grant's condition
/// holds (it moves that mass to p = 1). The hazards, the job loss and the start state are the same for every
/// cohort of a plan, so cohorts whose schedules agree over their months share one trajectory.
/// </summary>
internal sealed class TransitionSchedule
{
    private TransitionSchedule(int months)
    {
        SpellMonth = new int[months];
        GrantCondition = new bool[months];
    }

    public int Months => SpellMonth.Length;

    public int[] SpellMonth { get; }

    public bool[] GrantCondition { get; }

    /// <summary>The schedule of a cohort starting <paramref name="offset"/> months into the scenario.</summary>
    public static TransitionSchedule For(PriceTable prices, int offset)
    {
        var schedule = new TransitionSchedule(prices.Months - offset);
        for (var ownMonth = 0; ownMonth < schedule.Months; ownMonth++)
        {
            var t = offset + ownMonth;
            schedule.SpellMonth[ownMonth] = prices.ResultSpellMonth[t];
            schedule.GrantCondition[ownMonth] = Resultattilskud.Applies(prices, t, ownMonth);
        }

        return schedule;
    }

    /// <summary>Whether this schedule's first months are exactly <paramref name="shorter"/>.</summary>
    public bool Covers(TransitionSchedule shorter)
    {
        if (shorter.Months > Months)
        {
            return false;
        }

        for (var t = 0; t < shorter.Months; t++)
        {
            if (SpellMonth[t] != shorter.SpellMonth[t] || GrantCondition[t] != shorter.GrantCondition[t])
            {
                return false;
            }
        }

        return true;
    }
}

using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Simulation;

namespace IntegrationCases.Engine.Rules;

/// <summary>
/// METHOD.md 6.6, line <c>bonus</c> (the employment bonus of integrationsloven § 45 b): in July of each payment
/// year Y, +P(bonus, Y) × (S_end(Y − 1) − S_end(Y − 2)), where S_end(y) is the mass self-supporting after the
/// transitions of December y, and 0 for a December before the cohort's start. Payment years are those in
/// which the store has the bonus in force (2017 and 2018; a value of 0 from 2019 ends it), or exactly the years
/// of a pinned <c>prices.bonusPerExtraPersonByYear</c>. A linear stand-in for the real scheme's
/// municipality-wide count, so it can be negative (docs/method.md).
/// </summary>
internal static class Bonus
{
    /// <summary>
    /// The scheme paid once a year, in July, on the growth of the calendar year before (siri.dk, 3 July 2017).
    /// A fixed fact of a closed scheme, so a constant rather than a dated parameter.
    /// </summary>
    private const int PaymentMonth = 7;

    /// <summary>December of the year before lies this many months before July; December two years before, a year more.</summary>
    private const int ToLastDecember = PaymentMonth, ToDecemberBefore = PaymentMonth + Calendar.MonthsPerYear;

    public static void Price(PriceTable table, PriceLookup lookup, ResolvedScenario scenario)
    {
        var pinned = scenario.Prices?.BonusPerExtraPersonByYear;
        var store = pinned is null ? lookup.Series("bonus.ekstra_person") : null;

        // Without a cohort started by December Y − 1 both masses are 0: nothing to pay, nothing to look up.
        for (var t = table.FirstMonth + ToLastDecember; t < table.Months; t++)
        {
            var month = table.CalendarMonth[t];
            if (month.Month != PaymentMonth)
            {
                continue;
            }

            if (pinned is not null && pinned.TryGetValue(month.Year, out var amount))
            {
                table.Bonus[t] = lookup.Pinned($"prices.bonusPerExtraPersonByYear.{month.Year}", amount);
                table.BonusPaid[t] = true;
            }
            else if (store is not null && store.InForce(month))
            {
                table.Bonus[t] = store.At(month);
                table.BonusPaid[t] = true;
            }
        }
    }

    /// <summary>
    /// The line per unit of mass for a cohort in its own month t_k in calendar month t, from its self-supporting
    /// mass after each of its own months.
    /// </summary>
    public static double Payment(PriceTable prices, int t, int ownMonth, ReadOnlySpan<double> selfSupportingAfter)
    {
        if (!prices.BonusPaid[t])
        {
            return 0.0;
        }

        var last = ownMonth - ToLastDecember;
        var before = ownMonth - ToDecemberBefore;
        var lastDecember = last >= 0 ? selfSupportingAfter[last] : 0.0;
        var decemberBefore = before >= 0 ? selfSupportingAfter[before] : 0.0;
        return prices.Bonus[t] * (lastDecember - decemberBefore);
    }
}

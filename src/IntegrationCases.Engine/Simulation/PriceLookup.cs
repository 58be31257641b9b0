using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Parameters;
using IntegrationCases.Engine.Results;

namespace IntegrationCases.Engine.Simulation;

/// <summary>
/// Store lookups for the price table, with lineage: each value used is recorded once, with its source.
/// A missing value becomes one error on <c>startDate</c>; a rule threshold that is not a whole number in its
/// range becomes one error naming the parameter. A rule asks once for each series it reads and then walks it
/// month by month (<see cref="Dated.At"/>), so a month costs a date comparison, not a search.
/// </summary>
internal sealed class PriceLookup(ParameterStore store, DateOnly start)
{
    private readonly Dictionary<(string, DateOnly), ParameterUse> used = [];
    private readonly HashSet<string> reported = new(StringComparer.Ordinal);

    public List<ValidationError> Errors { get; } = [];

    /// <summary>A dated series of the store.</summary>
    public Dated Series(string id) => new(this, id, store.Find(id)?.Values, null);

    /// <summary>
    /// The one pinned-price rule (API.md 'prices'): a price the scenario pins replaces the store in every month
    /// (and is listed once in the lineage); one it leaves out is the store's series, month by month.
    /// </summary>
    public Dated Price(double? pinned, string field, string id) =>
        pinned is { } value ? new Dated(this, id, null, Pinned(field, value)) : Series(id);

    public double Pinned(string field, double value)
    {
        var id = $"scenarie.{field}";
        used.TryAdd((id, start), new ParameterUse(id, start, value, $"Fastsat i scenariet ({field}) for alle måneder"));
        return value;
    }

    public double Own(string code, int year, double value)
    {
        var id = $"kommuneskat.kommune.{code}";
        var from = new DateOnly(year, 1, 1);
        used.TryAdd((id, from), new ParameterUse(id, from, value, $"Kommunens egen kommuneskatteprocent for {year} (kommunedata)"));
        return value;
    }

    public IReadOnlyList<ParameterUse> Lineage() =>
    [
        .. used.Values.OrderBy(u => u.Id, StringComparer.Ordinal).ThenBy(u => u.ValidFrom),
    ];

    private void Use(ParameterValue value) =>
        used.TryAdd((value.Id, value.ValidFrom), new ParameterUse(value.Id, value.ValidFrom, value.Value, value.Source));

    private void ReportMissing(string id, DateOnly month, DateOnly? first)
    {
        if (reported.Add(id))
        {
            Errors.Add(new ValidationError("startDate", first is { } f
                ? $"Parameteren '{id}' har ingen værdi for {Danish.Month(month)}; parameterlageret dækker fra {Danish.Date(f)}. Vælg en startdato fra {Danish.Date(f)} eller senere."
                : $"Parameteren '{id}' findes ikke i parameterlageret; beregningen kræver den for {Danish.Month(month)}."));
        }
    }

    private void ReportNotWhole(string id, DateOnly month, double value, int min, int max)
    {
        if (reported.Add(id))
        {
            Errors.Add(new ValidationError("", $"Parameteren '{id}' er {Danish.Number(value)} for {Danish.Month(month)}; reglen kræver et helt antal måneder fra {min} til {max}."));
        }
    }

    /// <summary>One series (or a pinned price) with a cursor: months are mostly asked for in order.</summary>
    internal sealed class Dated(PriceLookup owner, string id, IReadOnlyList<ParameterValue>? values, double? pinned)
    {
        private int index = -1;

        /// <summary>The value in force on the first day of <paramref name="month"/>.</summary>
        public double At(DateOnly month)
        {
            if (pinned is { } value)
            {
                return value;
            }

            var i = index;
            if (values is not null)
            {
                if (i >= 0 && values[i].ValidFrom > month)
                {
                    i = -1;
                }

                while (i + 1 < values.Count && values[i + 1].ValidFrom <= month)
                {
                    i++;
                }
            }

            if (values is null || i < 0)
            {
                owner.ReportMissing(id, month, values?[0].ValidFrom);
                return 0;
            }

            if (i != index)
            {
                index = i;
                owner.Use(values[i]); // the lineage is touched only when the value in force changes
            }

            return values[i].Value;
        }

        /// <summary>
        /// A rule threshold counted in whole months: a value that is not a whole number from
        /// <paramref name="min"/> to <paramref name="max"/> is an error, and <paramref name="min"/> is used so that
        /// the table stays consistent while the errors are collected.
        /// </summary>
        public int Months(DateOnly month, int min, int max)
        {
            var value = At(month);
            if (value == Math.Floor(value) && value >= min && value <= max)
            {
                return (int)value;
            }

            owner.ReportNotWhole(id, month, value, min, max);
            return min;
        }

        /// <summary>Whether the store has a value in force in <paramref name="month"/> (a pinned price always has).</summary>
        public bool InForce(DateOnly month) =>
            pinned is not null || (values is { Count: > 0 } && values[0].ValidFrom <= month);
    }
}

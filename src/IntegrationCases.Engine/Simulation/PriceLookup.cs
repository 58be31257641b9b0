using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Parameters;
using IntegrationCases.Engine.Results;

namespace IntegrationCases.Engine.Simulation;

/// <summary>
/// Store lookups for the price table, with lineage: each value used is recorded once, with its source.
/// A missing value becomes one error on <c>startDate</c>; a rule threshold that is not a whole number in its
/// range becomes one error naming the parameter.
/// </summary>
internal sealed class PriceLookup(ParameterStore store, DateOnly start)
{
    private readonly Dictionary<(string, DateOnly), ParameterUse> used = [];
    private readonly HashSet<string> reported = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Cursor> cursors = new(StringComparer.Ordinal);

    public List<ValidationError> Errors { get; } = [];

    /// <summary>
    /// The one pinned-price rule (API.md 'prices'): a price the scenario pins replaces the store in every month;
    /// one it leaves out is looked up in the store for the month.
    /// </summary>
    public double Price(double? pinned, string field, string id, DateOnly month) =>
        pinned is { } value ? Pinned(field, value) : Get(id, month);

    /// <summary>The value of a dated series in force on the first day of <paramref name="month"/>.</summary>
    public double Get(string id, DateOnly month)
    {
        // Months are mostly looked up in order, so each series keeps a cursor instead of a binary search,
        // and the lineage is touched only when the value in force changes.
        if (!cursors.TryGetValue(id, out var cursor))
        {
            cursor = new Cursor(store.Find(id));
            cursors.Add(id, cursor);
        }

        var values = cursor.Series?.Values;
        var index = cursor.Index;
        if (values is not null)
        {
            if (index >= 0 && values[index].ValidFrom > month)
            {
                index = -1;
            }

            while (index + 1 < values.Count && values[index + 1].ValidFrom <= month)
            {
                index++;
            }
        }

        if (values is null || index < 0)
        {
            ReportMissing(id, month, values?[0].ValidFrom);
            return 0;
        }

        var value = values[index];
        if (index != cursor.Index)
        {
            cursor.Index = index;
            used.TryAdd((id, value.ValidFrom), new ParameterUse(id, value.ValidFrom, value.Value, value.Source));
        }

        return value.Value;
    }

    /// <summary>
    /// A rule threshold counted in whole months (a dated parameter like the others): a value that is not a
    /// whole number from <paramref name="min"/> to <paramref name="max"/> is an error, and <paramref name="min"/>
    /// is used so that the table stays consistent while the errors are collected.
    /// </summary>
    public int Months(string id, DateOnly month, int min, int max)
    {
        var value = Get(id, month);
        if (value == Math.Floor(value) && value >= min && value <= max)
        {
            return (int)value;
        }

        if (reported.Add(id))
        {
            Errors.Add(new ValidationError("", $"Parameteren '{id}' er {Danish.Number(value)} for {Danish.Month(month)}; reglen kræver et helt antal måneder fra {min} til {max}."));
        }

        return min;
    }

    /// <summary>Whether the store has a value for the series in force in <paramref name="month"/>.</summary>
    public bool InForce(string id, DateOnly month) => store.ValueAt(id, month) is not null;

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

    private void ReportMissing(string id, DateOnly month, DateOnly? first)
    {
        if (!reported.Add(id))
        {
            return;
        }

        Errors.Add(new ValidationError("startDate", first is { } f
            ? $"Parameteren '{id}' har ingen værdi for {Danish.Month(month)}; parameterlageret dækker fra {Danish.Date(f)}. Vælg en startdato fra {Danish.Date(f)} eller senere."
            : $"Parameteren '{id}' findes ikke i parameterlageret; beregningen kræver den for {Danish.Month(month)}."));
    }

    private sealed class Cursor(ParameterSeries? series)
    {
        public ParameterSeries? Series { get; } = series;

        public int Index { get; set; } = -1;
    }
}

using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace IntegrationCases.Engine.Parameters;

/// <summary>
/// The dated parameter store ('enhedspriser' and rules): one JSON document per concept, each value with its
/// date of effect, unit and source. Immutable; overrides give a new store.
/// </summary>
public sealed class ParameterStore
{
    private static readonly Lazy<ParameterStore> BuiltIn = new(LoadBuiltIn);

    private readonly Dictionary<string, ParameterSeries> byId;
    private readonly Dictionary<string, DateOnly[]> datesById;
    private readonly Lazy<string> contentHash;

    private ParameterStore(IEnumerable<ParameterSeries> series)
    {
        var ordered = series.OrderBy(s => s.Id, StringComparer.Ordinal).ToArray();
        Series = ordered;
        byId = ordered.ToDictionary(s => s.Id, StringComparer.Ordinal);
        datesById = ordered.ToDictionary(s => s.Id, s => s.Values.Select(v => v.ValidFrom).ToArray(), StringComparer.Ordinal);
        contentHash = new Lazy<string>(ComputeHash);
    }

    /// <summary>The store built into the engine (Parameters/Data/*.json).</summary>
    public static ParameterStore Default => BuiltIn.Value;

    /// <summary>
    /// Parses parameter documents (name, JSON text). The result does not depend on the order of the documents.
    /// Throws <see cref="ParameterFormatException"/> naming the document, the JSON path and the value.
    /// </summary>
    public static ParameterStore Parse(IEnumerable<KeyValuePair<string, string>> namedDocuments)
    {
        ArgumentNullException.ThrowIfNull(namedDocuments);
        var all = new Dictionary<string, (string Document, ParameterSeries Series)>(StringComparer.Ordinal);
        // Sorting by document name first makes the error for a duplicate id independent of input order.
        foreach (var (name, text) in namedDocuments.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            foreach (var (series, path) in ParameterDocumentReader.Read(name, text))
            {
                if (all.TryGetValue(series.Id, out var previous))
                {
                    throw new ParameterFormatException(name, path,
                        $"parameteren '{series.Id}' findes også i dokumentet '{previous.Document}'; et id må kun optræde ét sted");
                }

                all.Add(series.Id, (name, series));
            }
        }

        return new ParameterStore(all.Values.Select(v => v.Series));
    }

    /// <summary>All series, ordered by id.</summary>
    public IReadOnlyList<ParameterSeries> Series { get; }

    /// <summary>A hex SHA-256 of the store's canonical content: the parameter set named in run manifests.</summary>
    public string ContentHash => contentHash.Value;

    /// <summary>The series with this id, or null.</summary>
    public ParameterSeries? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>
    /// A new store in which every series of <paramref name="overrides"/> replaces the values of this store
    /// from the override's first date on (dated unit-price overrides, what-ifs).
    /// </summary>
    public ParameterStore WithOverrides(ParameterStore overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var merged = new Dictionary<string, ParameterSeries>(byId, StringComparer.Ordinal);
        foreach (var series in overrides.Series)
        {
            if (series.Values.Count == 0)
            {
                continue;
            }

            var first = series.Values[0].ValidFrom;
            if (merged.TryGetValue(series.Id, out var existing))
            {
                var kept = existing.Values.Where(v => v.ValidFrom < first);
                merged[series.Id] = existing with
                {
                    Description = string.IsNullOrWhiteSpace(series.Description) ? existing.Description : series.Description,
                    Values = [.. kept, .. series.Values],
                };
            }
            else
            {
                merged[series.Id] = series;
            }
        }

        return new ParameterStore(merged.Values);
    }

    /// <summary>The value in force on <paramref name="date"/>, or null when the series is unknown or starts later.</summary>
    public ParameterValue? ValueAt(string id, DateOnly date)
    {
        if (!byId.TryGetValue(id, out var series))
        {
            return null;
        }

        var dates = datesById[id];
        var index = Array.BinarySearch(dates, date);
        if (index < 0)
        {
            index = ~index - 1; // the last value dated before the date
        }

        return index < 0 ? null : series.Values[index];
    }

    /// <summary>Every parameter's value in force on <paramref name="date"/>, ordered by id.</summary>
    public IReadOnlyList<ParameterValue> InForceOn(DateOnly date)
    {
        var result = new List<ParameterValue>(Series.Count);
        foreach (var series in Series)
        {
            if (ValueAt(series.Id, date) is { } value)
            {
                result.Add(value);
            }
        }

        return result;
    }

    private string ComputeHash()
    {
        var text = new StringBuilder();
        foreach (var series in Series)
        {
            text.Append(series.Id).Append('|').Append(series.Unit).Append('|').Append(series.Description).Append('\n');
            foreach (var v in series.Values)
            {
                text.Append(v.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('|')
                    .Append(v.Value.ToString("R", CultureInfo.InvariantCulture)).Append('|')
                    .Append(v.Source).Append('|').Append(v.IsEstimate ? '1' : '0').Append('|')
                    .Append(v.Note ?? string.Empty).Append('\n');
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static ParameterStore LoadBuiltIn()
    {
        var assembly = typeof(ParameterStore).Assembly;
        var documents = new List<KeyValuePair<string, string>>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith("parameters/", StringComparison.Ordinal) || !name.EndsWith(".json", StringComparison.Ordinal))
            {
                continue;
            }

            documents.Add(new(name, ReadResource(assembly, name)));
        }

        return Parse(documents);
    }

    internal static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

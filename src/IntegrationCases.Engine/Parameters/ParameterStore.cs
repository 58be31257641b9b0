namespace IntegrationCases.Engine.Parameters;

/// <summary>
/// The dated parameter store ('enhedspriser' and rules): one JSON document per concept, each value with its
/// date of effect, unit and source. Immutable; overrides give a new store.
/// </summary>
public sealed class ParameterStore
{
    /// <summary>The store built into the engine (Parameters/Data/*.json).</summary>
    public static ParameterStore Default => throw new NotImplementedException("engine: parameter store");

    /// <summary>
    /// Parses parameter documents (name, JSON text). The result does not depend on the order of the documents.
    /// Throws <see cref="ParameterFormatException"/> naming the document, the JSON path and the value.
    /// </summary>
    public static ParameterStore Parse(IEnumerable<KeyValuePair<string, string>> namedDocuments) =>
        throw new NotImplementedException("engine: parameter store");

    /// <summary>All series, ordered by id.</summary>
    public IReadOnlyList<ParameterSeries> Series => throw new NotImplementedException("engine: parameter store");

    /// <summary>A hex SHA-256 of the store's canonical content: the parameter set named in run manifests.</summary>
    public string ContentHash => throw new NotImplementedException("engine: parameter store");

    /// <summary>
    /// A new store in which every series of <paramref name="overrides"/> replaces the values of this store
    /// from the override's first date on (dated unit-price overrides, what-ifs).
    /// </summary>
    public ParameterStore WithOverrides(ParameterStore overrides) =>
        throw new NotImplementedException("engine: parameter store");

    /// <summary>The value in force on <paramref name="date"/>, or null when the series is unknown or starts later.</summary>
    public ParameterValue? ValueAt(string id, DateOnly date) =>
        throw new NotImplementedException("engine: parameter store");

    /// <summary>Every parameter's value in force on <paramref name="date"/>, ordered by id.</summary>
    public IReadOnlyList<ParameterValue> InForceOn(DateOnly date) =>
        throw new NotImplementedException("engine: parameter store");
}

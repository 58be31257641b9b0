namespace IntegrationCases.Pipeline.Tests.Architecture;

/// <summary>
/// An intended layering, bottom first: a part may use parts of lower layers only, never one of its own layer or
/// above. Every part found must be placed in a layer, so a new folder or project is a decision, not an accident.
/// </summary>
internal sealed class Layering(params string[][] layers)
{
    private readonly Dictionary<string, int> _layerOf = layers
        .SelectMany((parts, layer) => parts.Select(p => (p, layer)))
        .ToDictionary(x => x.p, x => x.layer, StringComparer.Ordinal);

    /// <summary>One line per dependency that runs sideways or backwards, and per part that has no layer.</summary>
    public IReadOnlyList<string> Violations(IEnumerable<KeyValuePair<(string From, string To), string>> dependencies)
    {
        var problems = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var ((from, to), example) in dependencies)
        {
            if (!_layerOf.TryGetValue(from, out var fromLayer))
            {
                problems.Add($"{from} is in no layer: place it (docs/architecture.md)");
                continue;
            }

            if (!_layerOf.TryGetValue(to, out var toLayer))
            {
                problems.Add($"{to} is in no layer: place it (docs/architecture.md)");
                continue;
            }

            if (toLayer >= fromLayer)
            {
                problems.Add($"{from} -> {to} runs {(toLayer == fromLayer ? "sideways" : "backwards")} (layer {fromLayer} uses layer {toLayer}), e.g. {example}");
            }
        }

        return [.. problems];
    }
}

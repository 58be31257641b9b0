using System.Text.Json;
using IntegrationCases.Engine.Municipalities;

namespace IntegrationCases.Pipeline.Recompute;

/// <summary>
/// <c>mart/latest/municipality-facts.json</c>: a JSON object keyed by municipality code of the engine's
/// <see cref="MunicipalityFacts"/> (camelCase), which the CLI's <c>evaluate --data</c> and the HTTP API read
/// to default participants and the tax rate.
/// </summary>
public static class MunicipalityFactsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static byte[] Serialize(IReadOnlyDictionary<string, MunicipalityFacts> facts) =>
        JsonSerializer.SerializeToUtf8Bytes(new SortedDictionary<string, MunicipalityFacts>(facts.ToDictionary(), StringComparer.Ordinal), Options);

    public static IReadOnlyDictionary<string, MunicipalityFacts> Parse(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize<Dictionary<string, MunicipalityFacts>>(utf8, Options)
        ?? throw new JsonException("municipality-facts.json is empty.");
}

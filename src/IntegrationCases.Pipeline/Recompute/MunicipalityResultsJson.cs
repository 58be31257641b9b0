using System.Text.Json;
using IntegrationCases.Pipeline.Mart;
using IntegrationCases.Pipeline.Scenarios;

namespace IntegrationCases.Pipeline.Recompute;

/// <summary>
/// <c>mart/latest/results/&lt;kode&gt;.json</c>, served by GET /api/municipalities/{kode}/results:
/// <c>{ runId, municipalityCode, municipalityName, startDate, results: [ { scenarioId, scenarioName, kind,
/// participants, result } ] }</c> where <c>result</c> is the API.md result JSON.
/// </summary>
public static class MunicipalityResultsJson
{
    public static byte[] Write(
        string runId, Municipalities.Municipality municipality, DateOnly startDate,
        IReadOnlyList<ScenarioDefinition> scenarios, IEnumerable<EvaluatedCase> cases)
    {
        var byId = scenarios.ToDictionary(s => s.ScenarioId, StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            json.WriteStartObject();
            json.WriteString("runId", runId);
            json.WriteString("municipalityCode", municipality.Code);
            json.WriteString("municipalityName", municipality.Name);
            json.WriteString("startDate", startDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteStartArray("results");
            foreach (var c in cases)
            {
                var scenario = byId[c.ScenarioId];
                json.WriteStartObject();
                json.WriteString("scenarioId", scenario.ScenarioId);
                json.WriteString("scenarioName", scenario.Name);
                json.WriteString("kind", scenario.Kind);
                json.WriteNumber("participants", c.Participants);
                json.WritePropertyName("result");
                json.WriteRawValue(ScenarioJson.SerializeResult(c.Result), skipInputValidation: false);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }
}

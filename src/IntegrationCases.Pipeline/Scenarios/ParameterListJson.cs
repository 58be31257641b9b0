using System.Globalization;
using System.Text.Json;
using IntegrationCases.Engine.Parameters;

namespace IntegrationCases.Pipeline.Scenarios;

/// <summary>
/// The list of unit prices in force on a date, the same JSON for <c>parameters --format json</c> and
/// <c>GET /api/parameters</c>: <c>{ date, parameterSet, parameters: [ { id, description, validFrom, value, unit,
/// source, isEstimate, note? } ] }</c>.
/// </summary>
public static class ParameterListJson
{
    public static void Write(Utf8JsonWriter writer, ParameterStore store, DateOnly date)
    {
        writer.WriteStartObject();
        writer.WriteString("date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteString("parameterSet", store.ContentHash);
        writer.WriteStartArray("parameters");
        foreach (var v in store.InForceOn(date))
        {
            writer.WriteStartObject();
            writer.WriteString("id", v.Id);
            writer.WriteString("description", store.Find(v.Id)?.Description ?? string.Empty);
            writer.WriteString("validFrom", v.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteNumber("value", v.Value);
            writer.WriteString("unit", v.Unit);
            writer.WriteString("source", v.Source);
            writer.WriteBoolean("isEstimate", v.IsEstimate);
            if (v.Note is not null)
            {
                writer.WriteString("note", v.Note);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}

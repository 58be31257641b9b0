using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using IntegrationCases.Engine.Parameters;

namespace IntegrationCases.Pipeline.Recompute;

/// <summary>
/// <c>unit-prices.json</c> of a run folder: the run's effective parameter store (the built-in store with the
/// accepted <c>unit-prices/*.json</c> overrides applied) as one document of the parameter-store format
/// (docs/parameters.md), so <see cref="ParameterStore.Parse"/> reads it back to a store with the same content
/// hash. The run prices with the store read back from these bytes, so what it publishes is what it used.
/// </summary>
public static class UnitPricesJson
{
    /// <summary>The document name that parse errors carry.</summary>
    public const string DocumentName = "unit-prices.json";

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Serialize(ParameterStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("description", "Enhedspriserne, kørslen regnede med: det indbyggede parameterlager med de godkendte unit-prices/*.json lagt ovenpå.");
            w.WriteStartArray("parameters");
            foreach (var series in store.Series)
            {
                w.WriteStartObject();
                w.WriteString("id", series.Id);
                w.WriteString("description", series.Description);
                w.WriteString("unit", series.Unit);
                w.WriteStartArray("values");
                foreach (var v in series.Values)
                {
                    w.WriteStartObject();
                    w.WriteString("validFrom", v.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    w.WriteNumber("value", v.Value);
                    w.WriteString("source", v.Source);
                    w.WriteBoolean("estimate", v.IsEstimate);
                    if (v.Note is not null)
                    {
                        w.WriteString("note", v.Note);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>The store; throws <see cref="ParameterFormatException"/> (document, JSON path, value) for a damaged file.</summary>
    public static ParameterStore Parse(ReadOnlySpan<byte> utf8)
    {
        string text;
        try
        {
            text = new System.Text.UTF8Encoding(false, true).GetString(utf8);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new ParameterFormatException(DocumentName, "$", "filen er ikke gyldig UTF-8");
        }

        return ParameterStore.Parse([new KeyValuePair<string, string>(DocumentName, text)]);
    }
}

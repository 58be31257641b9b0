using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Uncertainty;

namespace IntegrationCases.Pipeline.Scenarios;

/// <summary>
/// The uncertainty request and response JSON of docs/api.md, the same for the command line, HTTP and tests.
/// Strict like <see cref="ScenarioJson"/>: unknown fields, wrong types and malformed JSON become errors with the
/// field path; the nested <c>scenario</c> is read by <see cref="ScenarioJson"/> itself and its errors are
/// reported under <c>scenario.</c>. The response is written by hand in a fixed order, so the same request gives
/// the same bytes.
/// </summary>
public static class UncertaintyJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 32 };

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static UncertaintyParseOutcome Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8Json = utf8Json[3..];
        }

        if (utf8Json.Trim((ReadOnlySpan<byte>)[0x20, 0x09, 0x0A, 0x0D]).IsEmpty)
        {
            return Fail("Forespørgslen er tom; forventede et JSON-objekt med \"scenario\" og eventuelt \"ranges\", \"draws\" og \"seed\".");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray(), DocumentOptions);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (linje {line + 1}, position {(ex.BytePositionInLine ?? 0) + 1})" : string.Empty;
            return Fail($"Forespørgslen er ikke gyldig JSON{where}.");
        }
        catch (ArgumentException)
        {
            return Fail("Forespørgslen kunne ikke læses som UTF-8-kodet JSON.");
        }

        using (document)
        {
            var reader = new UncertaintyRequestReader();
            var request = reader.Read(document.RootElement);
            return reader.Errors.Count > 0 ? new UncertaintyParseOutcome(null, reader.Errors) : new UncertaintyParseOutcome(request, []);
        }
    }

    /// <summary>
    /// Reads a bare scenario (as for evaluate) as a request with the case's ranges, the default draws and seed;
    /// errors are reported under <c>scenario.</c> as for a full request, so a path means the same in both.
    /// </summary>
    public static UncertaintyParseOutcome ParseScenario(ReadOnlySpan<byte> utf8Json)
    {
        var parsed = ScenarioJson.Parse(utf8Json);
        return parsed.Scenario is null
            ? new UncertaintyParseOutcome(null, [.. UnderScenario(parsed.Errors)])
            : new UncertaintyParseOutcome(new UncertaintyRequest { Scenario = parsed.Scenario }, []);
    }

    /// <summary>Whether the document is a full request (an object with 'scenario') rather than a bare scenario.</summary>
    public static bool IsRequest(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? utf8Json[3..] : utf8Json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("scenario"u8))
                {
                    return true;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Malformed: the scenario reader reports it.
        }

        return false;
    }

    /// <summary>Writes the response exactly as docs/api.md shows it (camelCase, money with two decimals).</summary>
    public static byte[] SerializeResult(UncertaintyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var buffer = new ArrayBufferWriter<byte>(8 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteResult(writer, result);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteResult(Utf8JsonWriter w, UncertaintyResult result)
    {
        w.WriteStartObject();
        w.WriteStartObject("base");
        w.WriteNumber("netEffectTotal", result.Base.NetEffectTotal);
        w.WriteNumber("npv", result.Base.Npv);
        w.WriteEndObject();
        w.WriteStartArray("tornado");
        foreach (var entry in result.Tornado)
        {
            w.WriteStartObject();
            w.WriteString("factor", entry.Factor.JsonName());
            WriteEnd(w, "low", entry.Low);
            WriteEnd(w, "high", entry.High);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        var mc = result.MonteCarlo;
        w.WriteStartObject("monteCarlo");
        w.WriteNumber("draws", mc.Draws);
        w.WriteNumber("seed", mc.Seed);
        WriteDistribution(w, "netEffectTotal", mc.NetEffectTotal);
        WriteDistribution(w, "npv", mc.Npv);
        w.WriteNumber("probabilityNetPositive", mc.ProbabilityNetPositive);
        w.WriteNumber("paybackWithinHorizonShare", mc.PaybackWithinHorizonShare);
        w.WriteStartArray("histogram");
        foreach (var bin in mc.Histogram)
        {
            w.WriteStartObject();
            w.WriteNumber("from", bin.From);
            w.WriteNumber("to", bin.To);
            w.WriteNumber("count", bin.Count);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteEnd(Utf8JsonWriter w, string name, TornadoEnd end)
    {
        w.WriteStartObject(name);
        w.WriteNumber("value", end.Value);
        w.WriteNumber("netEffectTotal", end.NetEffectTotal);
        w.WriteEndObject();
    }

    private static void WriteDistribution(Utf8JsonWriter w, string name, DistributionSummary d)
    {
        w.WriteStartObject(name);
        w.WriteNumber("p5", d.P5);
        w.WriteNumber("p10", d.P10);
        w.WriteNumber("p50", d.P50);
        w.WriteNumber("p90", d.P90);
        w.WriteNumber("p95", d.P95);
        w.WriteNumber("mean", d.Mean);
        w.WriteEndObject();
    }

    private static UncertaintyParseOutcome Fail(string message) => new(null, [new ValidationError("", message)]);

    private static IEnumerable<ValidationError> UnderScenario(IEnumerable<ValidationError> errors) =>
        errors.Select(e => e with { Path = e.Path.Length == 0 ? "scenario" : $"scenario.{e.Path}" });

    /// <summary>Walks the request against its schema, collecting every error with its path.</summary>
    private sealed class UncertaintyRequestReader
    {
        private static readonly string[] RootFields = ["scenario", "ranges", "draws", "seed"];
        private static readonly string[] RangeFields = ["low", "high"];

        public List<ValidationError> Errors { get; } = [];

        public UncertaintyRequest? Read(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Errors.Add(new("", $"Forespørgslen skal være et JSON-objekt, ikke {Kind(root)}."));
                return null;
            }

            var fields = Fields(root, "", RootFields);
            var scenario = ReadScenario(fields);
            var ranges = Present(fields, "ranges", out var rangesElement) && Expect(rangesElement, "ranges", JsonValueKind.Object) ? ReadRanges(rangesElement) : null;
            var draws = Integer(fields, "draws", long.MinValue, long.MaxValue, "et helt tal");
            var seed = Integer(fields, "seed", 0, ulong.MaxValue, "et helt tal fra 0 til 18446744073709551615");
            return scenario is null ? null : new UncertaintyRequest { Scenario = scenario, Ranges = ranges, Draws = (long?)draws, Seed = (ulong?)seed };
        }

        private Engine.Scenarios.ScenarioRequest? ReadScenario(Dictionary<string, JsonElement> fields)
        {
            if (!Present(fields, "scenario", out var element))
            {
                Errors.Add(new("scenario", "Feltet \"scenario\" skal angives (et scenarie som for evaluate, API.md)."));
                return null;
            }

            if (!Expect(element, "scenario", JsonValueKind.Object))
            {
                return null;
            }

            var parsed = ScenarioJson.Parse(JsonMarshal.GetRawUtf8Value(element));
            Errors.AddRange(UnderScenario(parsed.Errors));
            return parsed.Scenario;
        }

        private UncertaintyRangesRequest ReadRanges(JsonElement element)
        {
            var fields = Fields(element, "ranges", [.. UncertaintyFactors.All.Select(f => f.JsonName())]);
            FactorRangeRequest? Range(UncertaintyFactor factor)
            {
                var path = $"ranges.{factor.JsonName()}";
                if (!Present(fields, factor.JsonName(), out var range) || !Expect(range, path, JsonValueKind.Object))
                {
                    return null;
                }

                var ends = Fields(range, path, RangeFields);
                return new FactorRangeRequest { Low = Number(ends, path, "low"), High = Number(ends, path, "high") };
            }

            return new UncertaintyRangesRequest
            {
                EffectMultiplier = Range(UncertaintyFactor.EffectMultiplier),
                CostMultiplier = Range(UncertaintyFactor.CostMultiplier),
                EarningsMultiplier = Range(UncertaintyFactor.EarningsMultiplier),
                EffortCostMultiplier = Range(UncertaintyFactor.EffortCostMultiplier),
            };
        }

        /// <summary>The object's fields by name; unknown and repeated fields become errors.</summary>
        private Dictionary<string, JsonElement> Fields(JsonElement element, string path, string[] allowed)
        {
            var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                var fieldPath = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                if (Array.IndexOf(allowed, property.Name) < 0)
                {
                    Errors.Add(new(fieldPath, $"Ukendt felt \"{property.Name}\". Tilladte felter her: {string.Join(", ", allowed)}."));
                }
                else if (!fields.TryAdd(property.Name, property.Value))
                {
                    Errors.Add(new(fieldPath, $"Feltet \"{property.Name}\" er angivet mere end én gang."));
                }
            }

            return fields;
        }

        /// <summary>Whether the field is there and not null (a JSON null counts as left out).</summary>
        private static bool Present(Dictionary<string, JsonElement> fields, string name, out JsonElement value) =>
            fields.TryGetValue(name, out value) && value.ValueKind != JsonValueKind.Null;

        private bool Expect(JsonElement value, string path, JsonValueKind kind)
        {
            if (value.ValueKind == kind)
            {
                return true;
            }

            Errors.Add(new(path, $"Forventede et JSON-objekt, fik {Kind(value)}."));
            return false;
        }

        private double? Number(Dictionary<string, JsonElement> fields, string path, string name)
        {
            if (!Present(fields, name, out var value))
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number))
            {
                return number;
            }

            Errors.Add(new($"{path}.{name}", value.ValueKind == JsonValueKind.Number ? $"Tallet {Kind(value)} kan ikke repræsenteres (for stort)." : $"Forventede et tal, fik {Kind(value)}."));
            return null;
        }

        /// <summary>An integer within [min, max]; '12.0' counts as 12 (METHOD.md section 9). Range checks beyond the type are the engine's.</summary>
        private decimal? Integer(Dictionary<string, JsonElement> fields, string name, decimal min, decimal max, string what)
        {
            if (!Present(fields, name, out var value))
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) && number == decimal.Truncate(number) && number >= min && number <= max)
            {
                return number;
            }

            Errors.Add(new(name, $"Forventede {what}, fik {Kind(value)}."));
            return null;
        }

        private static string Kind(JsonElement value)
        {
            var text = value.ValueKind switch
            {
                JsonValueKind.Array => "en liste",
                JsonValueKind.Object => "et objekt",
                JsonValueKind.String => $"teksten \"{value.GetString()}\"",
                _ => value.GetRawText(),
            };
            return text.Length <= 60 ? text : text[..57] + "...";
        }
    }
}

/// <summary>Either an uncertainty request or the reasons it could not be read.</summary>
public sealed record UncertaintyParseOutcome(UncertaintyRequest? Request, IReadOnlyList<ValidationError> Errors);

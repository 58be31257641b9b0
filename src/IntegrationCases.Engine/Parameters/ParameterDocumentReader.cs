using System.Globalization;
using System.Text.Json;

namespace IntegrationCases.Engine.Parameters;

/// <summary>
/// Reads one parameter document: either one series (<c>{ "id", "description", "unit", "values": [...] }</c>)
/// or several (<c>{ "description"?, "parameters": [ series, ... ] }</c>). Every value needs
/// <c>validFrom</c> (YYYY-MM-DD), a finite <c>value</c>, a non-empty <c>source</c> and <c>estimate</c>;
/// <c>note</c> is optional. Unknown fields are errors. The format is documented in docs/parameters.md.
/// </summary>
internal static class ParameterDocumentReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 16,
    };

    public static IEnumerable<(ParameterSeries Series, string Path)> Read(string document, string text)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(text ?? string.Empty, Options);
        }
        catch (JsonException ex)
        {
            throw new ParameterFormatException(document, "$",
                $"ugyldig JSON (linje {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}): {ex.Message}");
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ParameterFormatException(document, "$", $"dokumentet skal være et JSON-objekt, ikke {root.ValueKind}");
            }

            var result = new List<(ParameterSeries, string)>();
            if (root.TryGetProperty("parameters", out var list))
            {
                RejectUnknown(document, "$", root, "parameters", "description");
                if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
                {
                    throw new ParameterFormatException(document, "$.parameters", "skal være en ikke-tom liste af parametre");
                }

                var i = 0;
                foreach (var item in list.EnumerateArray())
                {
                    var path = $"$.parameters[{i++}]";
                    result.Add((ReadSeries(document, path, item), path));
                }
            }
            else
            {
                result.Add((ReadSeries(document, "$", root), "$"));
            }

            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (series, path) in result)
            {
                if (!ids.Add(series.Id))
                {
                    throw new ParameterFormatException(document, path, $"parameteren '{series.Id}' optræder to gange i dokumentet");
                }
            }

            return result;
        }
    }

    private static ParameterSeries ReadSeries(string document, string path, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ParameterFormatException(document, path, $"en parameter skal være et JSON-objekt, ikke {element.ValueKind}");
        }

        RejectUnknown(document, path, element, "id", "description", "unit", "values");
        var id = RequiredString(document, path, element, "id");
        if (!IsValidId(id))
        {
            throw new ParameterFormatException(document, path + ".id",
                $"'{id}' er ikke et gyldigt id (små bogstaver, cifre, '.', '_' og '-')");
        }

        var description = RequiredString(document, path, element, "description");
        var unit = RequiredString(document, path, element, "unit");
        if (!element.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array || values.GetArrayLength() == 0)
        {
            throw new ParameterFormatException(document, path + ".values", "skal være en ikke-tom liste af daterede værdier");
        }

        var parsed = new List<ParameterValue>();
        var i = 0;
        foreach (var item in values.EnumerateArray())
        {
            parsed.Add(ReadValue(document, $"{path}.values[{i++}]", id, unit, item));
        }

        parsed.Sort((a, b) => a.ValidFrom.CompareTo(b.ValidFrom));
        for (var k = 1; k < parsed.Count; k++)
        {
            if (parsed[k].ValidFrom == parsed[k - 1].ValidFrom)
            {
                throw new ParameterFormatException(document, path + ".values",
                    $"to værdier for '{id}' gælder fra samme dato {parsed[k].ValidFrom:yyyy-MM-dd}");
            }
        }

        return new ParameterSeries(id, description, unit, parsed);
    }

    private static ParameterValue ReadValue(string document, string path, string id, string unit, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ParameterFormatException(document, path, $"en dateret værdi skal være et JSON-objekt, ikke {element.ValueKind}");
        }

        RejectUnknown(document, path, element, "validFrom", "value", "source", "estimate", "note");
        var dateText = RequiredString(document, path, element, "validFrom");
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var validFrom))
        {
            throw new ParameterFormatException(document, path + ".validFrom", $"'{dateText}' er ikke en dato på formen ÅÅÅÅ-MM-DD");
        }

        if (!element.TryGetProperty("value", out var valueElement) || valueElement.ValueKind != JsonValueKind.Number
            || !valueElement.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            throw new ParameterFormatException(document, path + ".value",
                $"skal være et endeligt tal, fik {Describe(element, "value")}");
        }

        var source = RequiredString(document, path, element, "source");
        if (!element.TryGetProperty("estimate", out var estimate)
            || (estimate.ValueKind != JsonValueKind.True && estimate.ValueKind != JsonValueKind.False))
        {
            throw new ParameterFormatException(document, path + ".estimate", $"skal være true eller false, fik {Describe(element, "estimate")}");
        }

        string? note = null;
        if (element.TryGetProperty("note", out var noteElement))
        {
            if (noteElement.ValueKind != JsonValueKind.String)
            {
                throw new ParameterFormatException(document, path + ".note", $"skal være en tekst, fik {noteElement.ValueKind}");
            }

            note = noteElement.GetString();
        }

        return new ParameterValue(id, validFrom, value, unit, source, estimate.ValueKind == JsonValueKind.True, note);
    }

    private static string RequiredString(string document, string path, JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw new ParameterFormatException(document, $"{path}.{name}", $"skal være en ikke-tom tekst, fik {Describe(element, name)}");
        }

        return value.GetString()!;
    }

    private static void RejectUnknown(string document, string path, JsonElement element, params string[] allowed)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(allowed, property.Name) < 0)
            {
                throw new ParameterFormatException(document, $"{path}.{property.Name}",
                    $"ukendt felt '{property.Name}'; tilladt er {string.Join(", ", allowed)}");
            }
        }
    }

    private static string Describe(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? $"\"{value.GetString()}\"" : value.GetRawText()
            : "intet (feltet mangler)";

    private static bool IsValidId(string id)
    {
        foreach (var ch in id)
        {
            if (!(ch is >= 'a' and <= 'z' or >= '0' and <= '9' or '.' or '_' or '-'))
            {
                return false;
            }
        }

        return id.Length > 0;
    }
}

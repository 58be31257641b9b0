using System.Text.Json;

namespace IntegrationCases.Pipeline.Ingestion;

/// <summary>
/// The value a scenario field path (<c>cohorts[1].startDate</c>, <c>targetGroup.householdMix.forsoerger</c>) points
/// at in a JSON document, as the file shows it, so that an error report can name the offending value beside the
/// path and the message. The engine's errors carry only the path.
/// </summary>
internal static class JsonFieldValue
{
    /// <summary>The value as text (a string without its quotes, anything else as written), or null where the path leads nowhere.</summary>
    public static string? At(JsonElement root, string path)
    {
        if (path.Length == 0)
        {
            return null;
        }

        var current = root;
        foreach (var segment in path.Split('.'))
        {
            var name = segment;
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var indexes = bracket < 0 ? "" : segment[bracket..];
            if (bracket >= 0)
            {
                name = segment[..bracket];
            }

            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }

            foreach (var index in Indexes(indexes))
            {
                if (index is not { } i || current.ValueKind != JsonValueKind.Array || i >= current.GetArrayLength())
                {
                    return null;
                }

                current = current[i];
            }
        }

        return current.ValueKind == JsonValueKind.String ? current.GetString() : current.GetRawText();
    }

    /// <summary>The indexes of <c>[1][2]</c>; a malformed one is null.</summary>
    private static IEnumerable<int?> Indexes(string text)
    {
        while (text.Length > 0)
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (text[0] != '[' || close < 0)
            {
                yield return null;
                yield break;
            }

            yield return int.TryParse(text[1..close], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) ? i : null;
            text = text[(close + 1)..];
        }
    }
}

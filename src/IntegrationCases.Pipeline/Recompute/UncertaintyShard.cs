using System.Text.Json;

namespace IntegrationCases.Pipeline.Recompute;

/// <summary>
/// One municipality's share of a run's uncertainty: the Functions fan-out puts one of these on the
/// <c>uncertainty-shards</c> queue per municipality (docs/uncertainty.md). The seed is text in the JSON (an
/// unsigned 64-bit integer does not survive every JSON reader).
/// </summary>
public sealed record UncertaintyShard(string RunId, string MunicipalityCode, DateOnly StartDate, int Draws, ulong Seed)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString | System.Text.Json.Serialization.JsonNumberHandling.WriteAsString,
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>The shard, or null when the text is not one.</summary>
    public static UncertaintyShard? TryParse(string text)
    {
        try
        {
            var shard = JsonSerializer.Deserialize<UncertaintyShard>(text, JsonOptions);
            return shard is { RunId: not null, MunicipalityCode: not null, Draws: > 0 } ? shard : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>Puts shards on their queue (the Functions app); the pipeline knows no queue.</summary>
public delegate Task UncertaintyFanOut(IReadOnlyList<UncertaintyShard> shards, CancellationToken cancellationToken);

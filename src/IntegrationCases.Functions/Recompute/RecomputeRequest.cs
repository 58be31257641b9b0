using System.Text.Json;

namespace IntegrationCases.Functions.Recompute;

/// <summary>
/// A 'recompute requested' queue message. <see cref="RequestedUtc"/> is when the request was made (after the
/// curated output it asks about was written), so any run that starts later covers it and the request can be
/// dropped: that is how many requests coalesce into one run.
/// </summary>
public sealed record RecomputeRequest(DateTimeOffset RequestedUtc, string Reason)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>The request, or null when the text is not one (the caller treats that as 'recompute now').</summary>
    public static RecomputeRequest? TryParse(string text)
    {
        try
        {
            var request = JsonSerializer.Deserialize<RecomputeRequest>(text, JsonOptions);
            return request is { Reason: not null } && request.RequestedUtc != default ? request : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

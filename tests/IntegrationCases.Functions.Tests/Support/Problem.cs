using System.Text.Json;

namespace IntegrationCases.Functions.Tests.Support;

/// <summary>A problem document as a client reads it, with checks that it is RFC 9457 and Danish where it should be.</summary>
public sealed record Problem(string Type, string Title, int Status, string Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    public static async Task<Problem> ReadAsync(HttpResponseMessage response, int expectedStatus)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"Expected {expectedStatus}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        Assert.Equal(expectedStatus, root.GetProperty("status").GetInt32());
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (root.TryGetProperty("errors", out var e))
        {
            foreach (var p in e.EnumerateObject())
            {
                errors[p.Name] = [.. p.Value.EnumerateArray().Select(m => m.GetString()!)];
            }
        }

        var problem = new Problem(
            root.GetProperty("type").GetString()!,
            root.GetProperty("title").GetString()!,
            expectedStatus,
            root.GetProperty("detail").GetString()!,
            errors);
        Assert.False(string.IsNullOrWhiteSpace(problem.Title));
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail));
        return problem;
    }
}

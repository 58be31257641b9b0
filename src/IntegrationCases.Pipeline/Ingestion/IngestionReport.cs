using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using IntegrationCases.Engine.Evaluation;

namespace IntegrationCases.Pipeline.Ingestion;

/// <summary>
/// The error report of a file: <c>rejected/&lt;path&gt;.errors.json</c> (machine-readable) and
/// <c>rejected/&lt;path&gt;.errors.txt</c> (a Danish summary for the person who sent the file). At most
/// <see cref="DefaultMaxIssues"/> errors and warnings are listed; the counts are always complete.
/// </summary>
public static class IngestionReport
{
    public const int DefaultMaxIssues = 1000;

    public static string RejectedPath(string path) => $"rejected/{InputAddress.NormalisePath(path)}";

    public static string ErrorsJsonPath(string path) => $"{RejectedPath(path)}.errors.json";

    public static string SummaryTextPath(string path) => $"{RejectedPath(path)}.errors.txt";

    public static byte[] ToJson(IngestionOutcome outcome, int maxIssues = DefaultMaxIssues)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("file", outcome.Path);
            w.WriteString("kind", outcome.Kind);
            w.WriteString("contentHash", outcome.ContentHash);
            w.WriteBoolean("accepted", outcome.Accepted);
            w.WriteNumber("errorCount", outcome.ErrorCount);
            w.WriteNumber("errorsListed", Math.Min(outcome.Errors.Count, maxIssues));
            w.WriteNumber("warningCount", outcome.WarningCount);
            w.WriteNumber("warningsListed", Math.Min(outcome.Warnings.Count, maxIssues));
            WriteIssues(w, "errors", outcome.Errors, maxIssues);
            WriteIssues(w, "warnings", outcome.Warnings, maxIssues);
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static string ToText(IngestionOutcome outcome, int maxIssues = DefaultMaxIssues)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Fil: {outcome.Path} (type {outcome.Kind})");
        sb.AppendLine(CultureInfo.InvariantCulture, $"Indholdshash (SHA-256): {outcome.ContentHash}");
        if (outcome.Accepted)
        {
            sb.AppendLine($"Resultat: GODKENDT. {Describe(outcome.Curated!)}; {Count(outcome.WarningCount)} advarsler.");
        }
        else
        {
            sb.AppendLine($"Resultat: AFVIST. {Count(outcome.ErrorCount)} fejl og {Count(outcome.WarningCount)} advarsler. Intet fra filen er brugt; filen er gemt uændret.");
        }

        AppendIssues(sb, "Fejl", outcome.Errors, outcome.ErrorCount, maxIssues);
        AppendIssues(sb, "Advarsler", outcome.Warnings, outcome.WarningCount, maxIssues);
        return sb.ToString();
    }

    private static string Describe(CuratedData c)
    {
        var parts = new List<string>();
        if (c.TargetGroupCounts.Count > 0) parts.Add($"{Count(c.TargetGroupCounts.Count)} målgrupperækker");
        if (c.Population.Count > 0) parts.Add($"{Count(c.Population.Count)} befolkningstal");
        if (c.TaxRates.Count > 0) parts.Add($"{Count(c.TaxRates.Count)} skatteprocenter");
        if (c.Assumptions.Count > 0) parts.Add($"{Count(c.Assumptions.Count)} kommunale antagelser");
        if (c.UnitPriceOverrides is not null) parts.Add("enhedspriser");
        return parts.Count == 0 ? "Ingen rækker" : string.Join(", ", parts);
    }

    private static void AppendIssues(StringBuilder sb, string title, IReadOnlyList<IngestionIssue> issues, long total, int max)
    {
        if (total == 0)
        {
            return;
        }

        var shown = Math.Min(issues.Count, max);
        sb.AppendLine();
        sb.AppendLine(shown < total ? $"{title} (de første {Count(shown)} af {Count(total)}):" : $"{title}:");
        foreach (var issue in issues.Take(shown))
        {
            sb.Append("  ").AppendLine(Line(issue));
        }
    }

    private static string Count(long count) => Danish.Grouped(count, 0);

    /// <summary>'række 5, kolonne INDHOLD, værdi "12.5": message'.</summary>
    public static string Line(IngestionIssue issue)
    {
        var where = new List<string>();
        if (issue.Row is { } row) where.Add(string.Create(CultureInfo.InvariantCulture, $"række {row}"));
        if (issue.Column is { } col) where.Add($"kolonne {col}");
        if (issue.Value is { } value) where.Add($"værdi \"{value}\"");
        return where.Count == 0 ? issue.Message : $"{string.Join(", ", where)}: {issue.Message}";
    }

    private static void WriteIssues(Utf8JsonWriter w, string name, IReadOnlyList<IngestionIssue> issues, int max)
    {
        w.WriteStartArray(name);
        foreach (var issue in issues.Take(max))
        {
            w.WriteStartObject();
            w.WriteString("file", issue.File);
            if (issue.Row is { } row) w.WriteNumber("row", row); else w.WriteNull("row");
            w.WriteString("column", issue.Column);
            w.WriteString("value", issue.Value);
            w.WriteString("message", issue.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}

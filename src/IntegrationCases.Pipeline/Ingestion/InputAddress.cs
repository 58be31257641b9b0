namespace IntegrationCases.Pipeline.Ingestion;

/// <summary>
/// What a path under inputs/ holds, decided from its folders (DESIGN.md 'Data flow'):
/// <c>dst/&lt;TABLE&gt;/*.csv</c>, <c>jobindsats/&lt;TABLE&gt;/*.json</c>, <c>target-groups/*.csv</c>,
/// <c>unit-prices/*.json</c>, <c>assumptions/&lt;kode&gt;/*.json</c>. <see cref="Kind"/> names it, for example
/// <c>dst/INDOPH1</c> or <c>assumptions/851</c>.
/// </summary>
public sealed record InputAddress(string Area, string? Qualifier, string FileName)
{
    public const string Dst = "dst";
    public const string Jobindsats = "jobindsats";
    public const string TargetGroups = "target-groups";
    public const string UnitPrices = "unit-prices";
    public const string Assumptions = "assumptions";

    public static IReadOnlyList<string> Areas { get; } = [Dst, Jobindsats, TargetGroups, UnitPrices, Assumptions];

    public string Kind => Qualifier is null ? Area : $"{Area}/{Qualifier}";

    /// <summary>Normalises separators and drops a leading './', '/' or 'inputs/'.</summary>
    public static string NormalisePath(string path)
    {
        var p = path.Replace('\\', '/').Trim();
        while (p.StartsWith("./", StringComparison.Ordinal) || p.StartsWith('/'))
        {
            p = p[(p.StartsWith('/') ? 1 : 2)..];
        }

        return p.StartsWith("inputs/", StringComparison.Ordinal) ? p["inputs/".Length..] : p;
    }

    /// <summary>
    /// Finds the kind from the path (or from <paramref name="forcedKind"/>, written like <see cref="Kind"/>).
    /// Returns null with a Danish reason when the path fits no kind.
    /// </summary>
    public static InputAddress? TryParse(string path, string? forcedKind, out string? problem)
    {
        problem = null;
        var segments = NormalisePath(path).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var fileName = segments.Length == 0 ? "" : segments[^1];
        string[] kindSegments;
        if (forcedKind is not null)
        {
            kindSegments = forcedKind.Trim().Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        }
        else
        {
            // The kind's folders may sit below any prefix (a local folder, a blob container name).
            var start = -1;
            for (var i = segments.Length - 2; i >= 0 && start < 0; i--)
            {
                start = Areas.Contains(segments[i], StringComparer.OrdinalIgnoreCase) ? i : -1;
            }

            kindSegments = start < 0 ? [] : segments[start..^1];
        }

        if (kindSegments.Length == 0)
        {
            problem = "Stien passer ikke til nogen filtype. Filen skal ligge i dst/<TABEL>/, jobindsats/<TABEL>/, target-groups/, unit-prices/ eller assumptions/<kommunekode>/.";
            return null;
        }

        var area = kindSegments[0].ToLowerInvariant();
        string? qualifier = kindSegments.Length > 1 ? kindSegments[1] : null;
        var needsQualifier = area is Dst or Jobindsats or Assumptions;
        if (!Areas.Contains(area) || needsQualifier != (qualifier is not null) || kindSegments.Length > 2)
        {
            problem = needsQualifier && qualifier is null
                ? $"Filtypen '{area}' kræver en mappe mere: {area}/<{(area == Assumptions ? "kommunekode" : "TABEL")}>/."
                : $"Ukendt filtype '{string.Join('/', kindSegments)}'. Kendte typer: dst/<TABEL>, jobindsats/<TABEL>, target-groups, unit-prices, assumptions/<kommunekode>.";
            return null;
        }

        return new InputAddress(area, area is Dst or Jobindsats ? qualifier!.ToUpperInvariant() : qualifier, fileName);
    }
}

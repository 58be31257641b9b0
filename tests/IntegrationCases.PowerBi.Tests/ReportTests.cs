using System.Text.Json;
using System.Text.RegularExpressions;
using static IntegrationCases.PowerBi.Tests.ModelUnderTest;

namespace IntegrationCases.PowerBi.Tests;

/// <summary>The PBIR report: its pages and visuals have what Desktop requires and every field exists in the model.</summary>
public sealed partial class ReportTests
{
    private static string PagesFolder => Path.Combine(RepoPaths.ReportDefinition, "pages");

    private static IEnumerable<string> PageFolders => Directory.EnumerateDirectories(PagesFolder).Order(StringComparer.Ordinal);

    private static IEnumerable<string> VisualFiles => Directory.EnumerateFiles(PagesFolder, "visual.json", SearchOption.AllDirectories);

    private static JsonElement Json(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.Clone();
    }

    /// <summary>Every field reference ({"Column"|"Measure": {"Expression": {"SourceRef": {"Entity"}}, "Property"}}) in a JSON tree.</summary>
    private static IEnumerable<(string Kind, string Entity, string Property)> FieldReferences(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray().SelectMany(FieldReferences))
            {
                yield return item;
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name is "Column" or "Measure" && property.Value.ValueKind == JsonValueKind.Object
                    && property.Value.TryGetProperty("Property", out var name)
                    && property.Value.TryGetProperty("Expression", out var expression)
                    && expression.TryGetProperty("SourceRef", out var source) && source.TryGetProperty("Entity", out var entity))
                {
                    yield return (property.Name, entity.GetString()!, name.GetString()!);
                }

                foreach (var inner in FieldReferences(property.Value))
                {
                    yield return inner;
                }
            }
        }
    }

    [Fact]
    public void Every_visual_refers_to_an_existing_column_or_measure()
    {
        var references = VisualFiles.Concat(Directory.EnumerateFiles(PagesFolder, "page.json", SearchOption.AllDirectories))
            .SelectMany(f => FieldReferences(Json(f)).Select(r => (File: Path.GetRelativePath(RepoPaths.Report, f), r.Kind, r.Entity, r.Property)))
            .ToList();

        Assert.True(references.Count > 30, $"expected the report to use many fields, found {references.Count}");
        NoFailures(references.Where(r => r.Kind == "Column"
                ? Model.Column(r.Entity, r.Property) is null
                : Model.Measure(r.Entity, r.Property) is null)
            .Select(r => $"{r.File}: {r.Kind} {r.Entity}.{r.Property} is not in the semantic model"));
    }

    [Fact]
    public void Every_projection_query_ref_matches_its_field()
    {
        NoFailures(VisualFiles.SelectMany(f =>
        {
            var state = Json(f).GetProperty("visual").GetProperty("query").GetProperty("queryState");
            return state.EnumerateObject().SelectMany(role => role.Value.GetProperty("projections").EnumerateArray()).Select(p =>
            {
                var (_, entity, property) = FieldReferences(p.GetProperty("field")).First();
                return p.GetProperty("queryRef").GetString() == $"{entity}.{property}" ? null : $"{f}: queryRef {p.GetProperty("queryRef")} for {entity}.{property}";
            }).OfType<string>();
        }));
    }

    [Fact]
    public void The_report_has_pages_for_the_overview_one_municipality_the_comparison_the_uncertainty_and_the_assumptions()
    {
        var names = PageFolders.Select(f => Json(Path.Combine(f, "page.json")).GetProperty("displayName").GetString()).ToList();

        Assert.Contains("Overblik over kommunerne", names);
        Assert.Contains("Kommunens business cases", names);
        Assert.Contains("Sammenligning af kommuner", names);
        Assert.Contains("Usikkerhed", names);
        Assert.Contains("Forudsætninger og enhedspriser", names);
    }

    [Fact]
    public void Pages_json_orders_exactly_the_page_folders()
    {
        var pages = Json(Path.Combine(PagesFolder, "pages.json"));
        var order = pages.GetProperty("pageOrder").EnumerateArray().Select(e => e.GetString()!).ToList();

        Assert.Contains("/report/definition/pagesMetadata/", pages.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        Assert.Equal(PageFolders.Select(Path.GetFileName).Order(), order.Order());
        Assert.Contains(pages.GetProperty("activePageName").GetString(), order);
    }

    [Fact]
    public void Every_page_has_its_schema_name_display_name_display_option_and_size()
    {
        NoFailures(PageFolders.SelectMany(folder =>
        {
            var page = Json(Path.Combine(folder, "page.json"));
            var problems = new List<string>();
            if (!(page.TryGetProperty("$schema", out var schema) && schema.GetString()!.Contains("/report/definition/page/", StringComparison.Ordinal)))
            {
                problems.Add($"{folder}: page.json lacks the page $schema");
            }

            if (!page.TryGetProperty("name", out var name) || name.GetString() != Path.GetFileName(folder) || !PbirName().IsMatch(name.GetString()!))
            {
                problems.Add($"{folder}: name must equal the folder name and use at most 50 word characters or hyphens");
            }

            if (!page.TryGetProperty("displayName", out var display) || string.IsNullOrWhiteSpace(display.GetString()))
            {
                problems.Add($"{folder}: no displayName");
            }

            if (!page.TryGetProperty("displayOption", out var option) || option.GetString() is not ("FitToPage" or "FitToWidth" or "ActualSize"))
            {
                problems.Add($"{folder}: displayOption must be FitToPage, FitToWidth or ActualSize");
            }

            if (!(page.TryGetProperty("height", out var h) && h.GetDouble() > 0 && page.TryGetProperty("width", out var w) && w.GetDouble() > 0))
            {
                problems.Add($"{folder}: needs a positive height and width");
            }

            if (!Directory.EnumerateFiles(folder, "visual.json", SearchOption.AllDirectories).Any())
            {
                problems.Add($"{folder}: has no visuals");
            }

            return problems;
        }));
    }

    [Fact]
    public void Every_visual_has_its_schema_name_position_and_visual_type()
    {
        NoFailures(VisualFiles.SelectMany(file =>
        {
            var visual = Json(file);
            var folder = Path.GetFileName(Path.GetDirectoryName(file))!;
            var problems = new List<string>();
            if (!(visual.TryGetProperty("$schema", out var schema) && schema.GetString()!.Contains("/report/definition/visualContainer/", StringComparison.Ordinal)))
            {
                problems.Add($"{file}: lacks the visualContainer $schema");
            }

            if (!visual.TryGetProperty("name", out var name) || name.GetString() != folder || !PbirName().IsMatch(folder))
            {
                problems.Add($"{file}: name must equal the folder name and use at most 50 word characters or hyphens");
            }

            if (!visual.TryGetProperty("position", out var position)
                || new[] { "x", "y", "z", "height", "width" }.Any(p => !position.TryGetProperty(p, out var v) || v.ValueKind != JsonValueKind.Number))
            {
                problems.Add($"{file}: position needs numeric x, y, z, height and width");
            }
            else
            {
                var page = Json(Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(file)!)!)!, "page.json"));
                if (position.GetProperty("x").GetDouble() + position.GetProperty("width").GetDouble() > page.GetProperty("width").GetDouble()
                    || position.GetProperty("y").GetDouble() + position.GetProperty("height").GetDouble() > page.GetProperty("height").GetDouble())
                {
                    problems.Add($"{file}: the visual reaches outside its page");
                }
            }

            if (!visual.TryGetProperty("visual", out var body) || !body.TryGetProperty("visualType", out var type) || string.IsNullOrWhiteSpace(type.GetString()))
            {
                problems.Add($"{file}: no visual.visualType");
            }

            return problems;
        }));
    }

    [Fact]
    public void Report_json_and_version_json_have_what_desktop_requires()
    {
        var report = Json(Path.Combine(RepoPaths.ReportDefinition, "report.json"));
        var version = Json(Path.Combine(RepoPaths.ReportDefinition, "version.json"));

        Assert.Contains("/report/definition/report/", report.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        var theme = report.GetProperty("themeCollection").GetProperty("customTheme");
        Assert.True(File.Exists(Path.Combine(RepoPaths.Report, "StaticResources", "RegisteredResources", theme.GetProperty("name").GetString()!)));
        Assert.Contains("/report/definition/versionMetadata/", version.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        Assert.Matches(@"^[1-9][0-9]*\.(0|[1-9][0-9]*)\.0$", version.GetProperty("version").GetString());
    }

    [GeneratedRegex(@"^[\w-]{1,50}$")]
    private static partial Regex PbirName();
}

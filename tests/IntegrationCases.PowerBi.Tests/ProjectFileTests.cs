using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IntegrationCases.PowerBi.Tests;

/// <summary>The PBIP, PBIR and PBISM files Desktop reads first, and the encoding of every file in powerbi/.</summary>
public sealed class ProjectFileTests
{
    private static JsonElement Json(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.Clone();
    }

    [Fact]
    public void Definition_pbir_is_version_4_0_with_a_relative_by_path_to_the_semantic_model()
    {
        var pbir = Json(Path.Combine(RepoPaths.Report, "definition.pbir"));
        var path = pbir.GetProperty("datasetReference").GetProperty("byPath").GetProperty("path").GetString()!;

        Assert.Equal("4.0", pbir.GetProperty("version").GetString());
        Assert.Contains("/item/report/definitionProperties/", pbir.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        Assert.False(Path.IsPathRooted(path), $"byPath must be relative: {path}");
        Assert.DoesNotContain('\\', path);
        Assert.DoesNotContain(':', path);
        Assert.True(File.Exists(Path.Combine(RepoPaths.Report, path, "definition.pbism")), $"byPath {path} does not lead to a semantic model");
    }

    [Fact]
    public void Definition_pbism_is_version_4_0_or_later_so_that_tmdl_is_allowed()
    {
        var pbism = Json(Path.Combine(RepoPaths.SemanticModel, "definition.pbism"));
        var version = Version.Parse(pbism.GetProperty("version").GetString()!);

        Assert.True(version >= new Version(4, 0), $"definition.pbism version {version} does not allow TMDL");
        Assert.Contains("/item/semanticModel/definitionProperties/", pbism.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(RepoPaths.SemanticModel, "model.bim")), "TMDL and model.bim are mutually exclusive");
    }

    [Fact]
    public void The_pbip_file_opens_the_report()
    {
        var pbip = Assert.Single(Directory.EnumerateFiles(RepoPaths.PowerBi, "*.pbip"));
        var json = Json(pbip);
        var report = json.GetProperty("artifacts").EnumerateArray().Single().GetProperty("report").GetProperty("path").GetString()!;

        Assert.Equal("1.0", json.GetProperty("version").GetString());
        Assert.True(File.Exists(Path.Combine(RepoPaths.PowerBi, report, "definition.pbir")));
    }

    [Fact]
    public void Every_json_file_parses_and_names_its_microsoft_schema()
    {
        var files = Directory.EnumerateFiles(RepoPaths.PowerBi, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".json" or ".pbir" or ".pbism" or ".pbip" or ".platform")
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}StaticResources{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        Assert.True(files.Count > 20);
        ModelUnderTest.NoFailures(files.Select(f =>
        {
            try
            {
                var json = Json(f);
                return json.TryGetProperty("$schema", out var s) && s.GetString()!.StartsWith("https://developer.microsoft.com/json-schemas/fabric/", StringComparison.Ordinal)
                    ? null
                    : $"{f}: no Microsoft $schema";
            }
            catch (JsonException e)
            {
                return $"{f}: {e.Message}";
            }
        }).OfType<string>());
    }

    [Fact]
    public void Every_file_in_the_project_is_utf8_without_a_byte_order_mark()
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var files = Directory.EnumerateFiles(RepoPaths.PowerBi, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}.pbi{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        Assert.True(files.Count > 40);
        ModelUnderTest.NoFailures(files.Select(f =>
        {
            var bytes = File.ReadAllBytes(f);
            if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            {
                return $"{f}: starts with a UTF-8 byte order mark";
            }

            try
            {
                strict.GetString(bytes);
                return null;
            }
            catch (DecoderFallbackException e)
            {
                return $"{f}: not valid UTF-8 at byte {e.Index.ToString(CultureInfo.InvariantCulture)}";
            }
        }).OfType<string>());
    }

    [Fact]
    public void The_readme_explains_both_sources_refresh_publish_and_the_scenario_api()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.PowerBi, "README.md"));

        foreach (var term in new[] { "Kilde", "AzureSql", "Parquet", "SqlServer", "SqlDatabase", "ParquetFolder", "Opdater", "Publicer", "RelativePath", "Query", "ApiKeyName", "x-functions-key", "docs/api.md" })
        {
            Assert.Contains(term, readme, StringComparison.Ordinal);
        }
    }
}

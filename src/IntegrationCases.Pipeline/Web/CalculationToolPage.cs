using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntegrationCases.Engine.Results;

namespace IntegrationCases.Pipeline.Web;

/// <summary>
/// The calculation tool ('beregningsværktøjet'): plain HTML, CSS and ES modules under <c>Web/wwwroot/</c>,
/// embedded in this assembly so that both hosts (<c>serve</c> and the Functions app) serve the same bytes from one
/// place, with no folder to copy or forget. <c>index.html</c> names the API base the page calls in a meta tag;
/// each host puts its own there (<c>api/</c> on serve, <c>page-api/</c> behind sign-in in Azure). One file is made
/// here rather than embedded: <c>assets/lines.js</c>, the money lines' codes and Danish labels from the engine's
/// <see cref="LineCatalogue"/>, so the page's budget table says what the extracts and Power BI say.
/// </summary>
public static class CalculationToolPage
{
    /// <summary>Where the page's files are served from (below <c>/</c>); the page itself is <c>/</c>.</summary>
    public const string AssetsFolder = "assets/";

    /// <summary>The API base the committed index.html names; a host replaces it with its own.</summary>
    public const string DefaultApiBase = "api/";

    private const string ResourcePrefix = "wwwroot/";
    private const string IndexPath = "index.html";
    private const string ApiBaseMeta = "<meta name=\"api-base\" content=\"" + DefaultApiBase + "\">";

    /// <summary>The module the page imports the money lines from (<c>import { LINES } from "./lines.js"</c>).</summary>
    public const string LinesPath = AssetsFolder + "lines.js";

    private static readonly FrozenDictionary<string, WebAsset> Files = Load();
    private static readonly ConcurrentDictionary<string, WebAsset> Indexes = new(StringComparer.Ordinal);

    /// <summary>Every file of the tool, the page included, by path (<c>index.html</c>, <c>assets/app.js</c>, ...).</summary>
    public static IReadOnlyCollection<WebAsset> All => Files.Values;

    /// <summary>The page, naming <paramref name="apiBase"/> (relative to <c>/</c>, ending in a slash) as the API it calls.</summary>
    public static WebAsset Index(string apiBase)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiBase);
        if (!apiBase.EndsWith('/') || apiBase.StartsWith('/') || apiBase.Contains('"', StringComparison.Ordinal) || apiBase.Contains("//", StringComparison.Ordinal))
        {
            throw new ArgumentException($"The API base must be a relative path ending in '/', such as 'api/'; '{apiBase}' is not.", nameof(apiBase));
        }

        return Indexes.GetOrAdd(apiBase, static b =>
        {
            var template = Files[IndexPath];
            var html = Encoding.UTF8.GetString(template.Content.Span);
            var content = Encoding.UTF8.GetBytes(html.Replace(ApiBaseMeta, $"<meta name=\"api-base\" content=\"{b}\">", StringComparison.Ordinal));
            return template with { Content = content, ETag = ETagOf(content) };
        });
    }

    /// <summary>A file below <c>/assets/</c> by its path there (<c>app.js</c>, <c>css/print.css</c>); never the page itself.</summary>
    public static bool TryGetAsset(string? file, out WebAsset asset)
    {
        asset = null!;
        return !string.IsNullOrEmpty(file) && Files.TryGetValue(AssetsFolder + file, out asset!);
    }

    private static FrozenDictionary<string, WebAsset> Load()
    {
        var assembly = typeof(CalculationToolPage).Assembly;
        var files = new Dictionary<string, WebAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var path = name[ResourcePrefix.Length..].Replace('\\', '/');
            var content = Read(assembly, name);
            files[path] = new WebAsset(path, ContentTypeOf(path), content, ETagOf(content));
        }

        var lines = LinesModule();
        files[LinesPath] = new WebAsset(LinesPath, ContentTypeOf(LinesPath), lines, ETagOf(lines));

        if (!files.TryGetValue(IndexPath, out var index) || !Encoding.UTF8.GetString(index.Content.Span).Contains(ApiBaseMeta, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The embedded {IndexPath} is missing or has no '{ApiBaseMeta}'.");
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary><c>export const LINES = [["ydelse", "Forsørgelsesydelse"], …, ["net", "Netto (i alt)"]];</c> in report order.</summary>
    private static byte[] LinesModule()
    {
        var lines = string.Join(",\n", LineCatalogue.AllWithNet.Select(l => $"  [{JsonSerializer.Serialize(l.Code)}, {JsonSerializer.Serialize(l.Label)}]"));
        return Encoding.UTF8.GetBytes(
            "// Made by the server from the engine's LineCatalogue: each money line's code and Danish label, in report order, 'net' last.\n" +
            $"export const LINES = [\n{lines},\n];\n");
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static string ETagOf(ReadOnlySpan<byte> content) => $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..32]}\"";

    private static string ContentTypeOf(string path) => System.IO.Path.GetExtension(path) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".txt" => "text/plain; charset=utf-8",
        ".json" => "application/json; charset=utf-8",
        var other => throw new InvalidOperationException($"No media type for '{other}' ({path}); add it here."),
    };
}

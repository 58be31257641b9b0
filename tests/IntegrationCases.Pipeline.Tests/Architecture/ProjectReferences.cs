using System.Xml.Linq;

namespace IntegrationCases.Pipeline.Tests.Architecture;

/// <summary>The ProjectReference and PackageReference items of every project file under a folder, read from the .csproj XML.</summary>
internal static class ProjectReferences
{
    /// <summary>(project, referenced project) by file name without extension, each with the file that declares it.</summary>
    public static IReadOnlyDictionary<(string From, string To), string> Between(string folder) =>
        Projects(folder).SelectMany(p => Items(p, "ProjectReference").Select(r => (p, r)))
            .ToDictionary(x => (Name(x.p), Name(x.r)), x => Path.GetRelativePath(folder, x.p));

    /// <summary>The packages each project names itself (Directory.Build.props adds build analyzers to all; they are not counted).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Packages(string folder) =>
        Projects(folder).ToDictionary(Name, p => (IReadOnlyList<string>)[.. Items(p, "PackageReference")], StringComparer.Ordinal);

    public static IEnumerable<string> Projects(string folder) =>
        Directory.EnumerateFiles(folder, "*.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    public static string Name(string projectPath) => Path.GetFileNameWithoutExtension(projectPath.Replace('\\', '/').Split('/')[^1]);

    private static IEnumerable<string> Items(string project, string item) =>
        XDocument.Load(project).Descendants(item).Select(e => e.Attribute("Include")?.Value).OfType<string>();
}

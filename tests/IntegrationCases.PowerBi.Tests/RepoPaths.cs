using System.Reflection;

namespace IntegrationCases.PowerBi.Tests;

/// <summary>Where the repository and the Power BI project are; the root is stamped into the assembly at build time.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string PowerBi => Path.Combine(Root, "powerbi");

    public static string SemanticModel => Path.Combine(PowerBi, "Integrationscases.SemanticModel");

    public static string SemanticModelDefinition => Path.Combine(SemanticModel, "definition");

    public static string Report => Path.Combine(PowerBi, "Integrationscases.Report");

    public static string ReportDefinition => Path.Combine(Report, "definition");

    private static string FindRoot()
    {
        var stamped = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        foreach (var start in new[] { stamped, AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Functions.sln")) && Directory.Exists(Path.Combine(dir.FullName, "powerbi")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("Cannot find the repository root (a folder with Functions.sln and powerbi/).");
    }
}

using System.Runtime.CompilerServices;

namespace IntegrationCases.Cli.Tests;

/// <summary>Where the repository is, for the committed sample inputs.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder with Functions.sln, found from this source file's path at compile time, so that any artifacts folder works.</summary>
    public static string Root([CallerFilePath] string sourceFile = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(sourceFile)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The repository root (Functions.sln) was not found.");
    }
}

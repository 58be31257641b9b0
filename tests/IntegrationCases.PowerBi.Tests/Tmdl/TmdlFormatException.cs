namespace IntegrationCases.PowerBi.Tests.Tmdl;

/// <summary>The TMDL text uses something the reader does not understand; names the file and line.</summary>
public sealed class TmdlFormatException(string file, int line, string message)
    : Exception($"{file}:{line}: {message}")
{
    public string File { get; } = file;

    public int LineNumber { get; } = line;
}

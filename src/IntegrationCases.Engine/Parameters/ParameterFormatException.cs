namespace IntegrationCases.Engine.Parameters;

/// <summary>A parameter document that cannot be used; the message names the document, path and value.</summary>
public sealed class ParameterFormatException(string document, string path, string message)
    : Exception($"{document}: {path}: {message}")
{
    public string Document { get; } = document;

    public string Path { get; } = path;
}

namespace IntegrationCases.Pipeline.Storage;

/// <summary>
/// The one place that checks a path inside an area: relative, '/'-separated, no empty, '.' or '..' segments,
/// no backslashes or control characters. The same rule holds for the local folder and for blob names, so a
/// path that works on a laptop works in Azure and cannot escape its area.
/// </summary>
public static class StoragePath
{
    /// <summary>Longest path accepted; well under the blob name limit of 1,024 characters.</summary>
    public const int MaxLength = 900;

    public static string Normalise(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var trimmed = path.Trim();
        if (trimmed.Length == 0 || trimmed.Length > MaxLength)
        {
            throw new ArgumentException($"Storage path '{Cut(path)}' is empty or longer than {MaxLength} characters.", nameof(path));
        }

        if (trimmed.Contains('\\', StringComparison.Ordinal) || trimmed.Any(char.IsControl))
        {
            throw new ArgumentException($"Storage path '{Cut(path)}' contains a backslash or a control character.", nameof(path));
        }

        var segments = trimmed.Split('/');
        if (segments.Any(s => s.Length == 0 || s == "." || s == ".."))
        {
            throw new ArgumentException($"Storage path '{Cut(path)}' must be relative with no empty, '.' or '..' segments.", nameof(path));
        }

        return trimmed;
    }

    /// <summary>A prefix for listing: empty (the whole area) or a normalised folder path ending in '/'.</summary>
    public static string NormalisePrefix(string? prefix)
    {
        if (string.IsNullOrEmpty(prefix))
        {
            return string.Empty;
        }

        return Normalise(prefix.TrimEnd('/')) + "/";
    }

    public static string Combine(params string[] parts) => Normalise(string.Join('/', parts.Select(p => p.Trim('/'))));

    private static string Cut(string value) => value.Length <= 80 ? value : value[..80] + "…";
}

using System.Text;

namespace IntegrationCases.Pipeline.Ingestion;

/// <summary>
/// Collects a file's errors and warnings: every one is counted, at most <c>cap</c> of each are kept
/// (a file with a million bad rows must not make a million-entry report).
/// </summary>
internal sealed class IssueLog(string file, int cap)
{
    private const int MaxValueLength = 80;
    private readonly List<IngestionIssue> _errors = [];
    private readonly List<IngestionIssue> _warnings = [];

    public string File { get; } = file;

    public long ErrorCount { get; private set; }

    public long WarningCount { get; private set; }

    public bool HasErrors => ErrorCount > 0;

    public IReadOnlyList<IngestionIssue> Errors => _errors;

    public IReadOnlyList<IngestionIssue> Warnings => _warnings;

    public void Error(long? row, string? column, ReadOnlySpan<char> value, string message) =>
        Add(_errors, ++ErrorCount, row, column, value, message);

    public void Error(long? row, string? column, string message) => Error(row, column, default, message);

    public void Error(string message) => Error(null, null, default, message);

    public void Warn(long? row, string? column, ReadOnlySpan<char> value, string message) =>
        Add(_warnings, ++WarningCount, row, column, value, message);

    public void Warn(string message) => Warn(null, null, default, message);

    private void Add(List<IngestionIssue> list, long count, long? row, string? column, ReadOnlySpan<char> value, string message)
    {
        if (count <= cap)
        {
            list.Add(new IngestionIssue(File, row, column, value.IsEmpty ? null : Printable(value), message));
        }
    }

    /// <summary>Cuts a value to a readable length and shows control characters as \uXXXX.</summary>
    internal static string Printable(ReadOnlySpan<char> value)
    {
        var sb = new StringBuilder(Math.Min(value.Length, MaxValueLength) + 8);
        foreach (var c in value[..Math.Min(value.Length, MaxValueLength)])
        {
            if (char.IsControl(c) || char.IsSurrogate(c))
            {
                sb.Append(@"\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        if (value.Length > MaxValueLength)
        {
            sb.Append($"… ({value.Length} tegn)");
        }

        return sb.ToString();
    }
}

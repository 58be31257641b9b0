namespace IntegrationCases.Cli.Output;

/// <summary>
/// A plain monospaced table: the first column left-aligned, the others right-aligned, except columns named in
/// <see cref="LeftAligned"/> (text such as sources).
/// </summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> rows = [];

    public HashSet<int> LeftAligned { get; init; } = [0];

    public TextTable Row(params string[] cells)
    {
        rows.Add(cells);
        return this;
    }

    public void WriteTo(TextWriter writer)
    {
        var widths = new int[headers.Length];
        foreach (var row in rows.Prepend(headers))
        {
            for (var i = 0; i < widths.Length && i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        Write(writer, headers, widths, LeftAligned);
        writer.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            Write(writer, row, widths, LeftAligned);
        }
    }

    private static void Write(TextWriter writer, string[] cells, int[] widths, HashSet<int> left)
    {
        var parts = new string[widths.Length];
        for (var i = 0; i < widths.Length; i++)
        {
            var cell = i < cells.Length ? cells[i] : string.Empty;
            parts[i] = left.Contains(i) ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]);
        }

        writer.WriteLine(string.Join("  ", parts).TrimEnd());
    }
}

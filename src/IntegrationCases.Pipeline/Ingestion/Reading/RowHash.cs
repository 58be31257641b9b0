namespace IntegrationCases.Pipeline.Ingestion;

/// <summary>
/// FNV-1a, 64 bits, over a row's key cells: finds duplicated rows in a streamed file without keeping the rows.
/// With a million rows the chance of a false 'duplicate' is about 3e-8.
/// </summary>
internal struct RowHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    private ulong _value;

    public static RowHash Start() => new() { _value = Offset };

    public readonly ulong Value => _value;

    public void Add(ReadOnlySpan<char> cell)
    {
        var h = _value;
        foreach (var c in cell)
        {
            h = (h ^ c) * Prime;
        }

        _value = (h ^ 0x1F) * Prime; // a separator, so that ('ab','c') differs from ('a','bc')
    }
}

namespace IntegrationCases.Pipeline.Ingestion;

/// <summary>
/// A text reader that stops (reports end of input) as soon as one line grows longer than
/// <c>maxLineLength</c> characters, so that a CSV parser never buffers a 50 MB line. The caller checks
/// <see cref="Overflowed"/> and reports the line.
/// </summary>
internal sealed class LineGuardReader(TextReader inner, int maxLineLength) : TextReader
{
    private int _currentLineLength;

    public int MaxLineLength => maxLineLength;

    public bool Overflowed { get; private set; }

    /// <summary>The 1-based line that was too long.</summary>
    public long OverflowLine { get; private set; }

    private long _line = 1;

    public override int Peek() => Overflowed ? -1 : inner.Peek();

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (Overflowed)
        {
            return 0;
        }

        var n = inner.Read(buffer);
        var span = buffer[..n];
        var pos = 0;
        while (pos < span.Length)
        {
            var nl = span[pos..].IndexOf('\n');
            var segment = nl < 0 ? span.Length - pos : nl;
            if (_currentLineLength + segment > maxLineLength)
            {
                Overflowed = true;
                OverflowLine = _line;
                return pos + (maxLineLength - _currentLineLength);
            }

            if (nl < 0)
            {
                _currentLineLength += segment;
                break;
            }

            _currentLineLength = 0;
            _line++;
            pos += nl + 1;
        }

        return n;
    }

    public override Task<int> ReadAsync(char[] buffer, int index, int count) => Task.FromResult(Read(buffer, index, count));

    public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

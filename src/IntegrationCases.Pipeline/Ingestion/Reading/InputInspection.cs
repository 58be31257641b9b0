using System.Buffers;
using System.Security.Cryptography;
using System.Text.Unicode;

namespace IntegrationCases.Pipeline.Ingestion;

/// <summary>
/// One streaming pass over the raw bytes before parsing: the SHA-256 content hash (lineage), the length,
/// a UTF-8 byte order mark, whether the bytes are valid UTF-8 (and if not, whether only the end is cut in the
/// middle of a character), and the first NUL byte (binary content). Memory: one 64 KB buffer.
/// </summary>
internal sealed record InputInspection(
    string ContentHash,
    long Length,
    bool HasUtf8Bom,
    bool IsValidUtf8,
    bool EndsInsideCharacter,
    long? FirstNulOffset)
{
    private const int ChunkSize = 64 * 1024;

    public static async Task<InputInspection> InspectAsync(Stream content, Stream? copyTo, CancellationToken ct)
    {
        using var state = new Scan();
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize + 4);
        try
        {
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(state.Carry, ChunkSize), ct).ConfigureAwait(false)) > 0)
            {
                if (copyTo is not null)
                {
                    await copyTo.WriteAsync(buffer.AsMemory(state.Carry, read), ct).ConfigureAwait(false);
                }

                state.Add(buffer, read);
            }

            return state.Finish();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private sealed class Scan : IDisposable
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly char[] _chars = ArrayPool<char>.Shared.Rent(ChunkSize + 4);
        private long _length;
        private long? _nul;
        private bool _valid = true;
        private bool _bom;

        /// <summary>Bytes of an unfinished UTF-8 sequence kept at the start of the buffer.</summary>
        public int Carry { get; private set; }

        public void Add(byte[] buffer, int read)
        {
            var fresh = buffer.AsSpan(Carry, read);
            _hash.AppendData(fresh);
            if (_length == 0 && read >= 3 && fresh[0] == 0xEF && fresh[1] == 0xBB && fresh[2] == 0xBF)
            {
                _bom = true;
            }

            if (_nul is null && fresh.IndexOf((byte)0) is var z and >= 0)
            {
                _nul = _length + z;
            }

            _length += read;
            if (!_valid)
            {
                return;
            }

            var block = buffer.AsSpan(0, Carry + read);
            var status = Utf8.ToUtf16(block, _chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: false);
            if (status == OperationStatus.InvalidData)
            {
                _valid = false;
                Carry = 0;
                return;
            }

            Carry = block.Length - consumed;
            block[consumed..].CopyTo(buffer);
        }

        public InputInspection Finish() =>
            new(Convert.ToHexStringLower(_hash.GetHashAndReset()), _length, _bom, _valid && Carry == 0, _valid && Carry > 0, _nul);

        public void Dispose()
        {
            _hash.Dispose();
            ArrayPool<char>.Shared.Return(_chars);
        }
    }
}

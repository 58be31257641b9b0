using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace IntegrationCases.Pipeline.Http;

/// <summary>
/// Reads a request body up to a limit. A declared Content-Length over the limit is refused before a byte is
/// read; an undeclared (chunked) body is refused as soon as it passes the limit, so a huge body never lands
/// in memory.
/// </summary>
internal static class RequestBody
{
    /// <summary>The body, or null when it is longer than <paramref name="limit"/> bytes. The caller returns the array to the shared pool.</summary>
    public static async Task<RentedBody?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared && declared > limit)
        {
            return null;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is { } n ? (int)Math.Max(n, 1) : 4096);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length > limit)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        return null;
                    }

                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, limit + 1));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > limit)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return null;
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        return new RentedBody(buffer, length);
    }
}

/// <summary>A body in a pooled array; dispose to give the array back.</summary>
internal sealed class RentedBody(byte[] buffer, int length) : IDisposable
{
    public ReadOnlySpan<byte> Span => buffer.AsSpan(0, length);

    public int Length => length;

    public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);
}

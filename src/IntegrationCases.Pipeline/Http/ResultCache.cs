using System.Collections.Concurrent;
using System.Security.Cryptography;
using IntegrationCases.Engine.Evaluation;

namespace IntegrationCases.Pipeline.Http;

/// <summary>
/// The serialised results of recent valid scenarios, keyed by the SHA-256 of the scenario JSON as received, for
/// one evaluation context (a new run's context starts an empty cache). Power BI refreshes send the same queries
/// again and again; an entry is the exact bytes the engine's result serialises to, so a hit answers the same as
/// a miss. Bounded: past <see cref="ApiOptions.ResultCacheEntries"/> entries it starts over. Rejected scenarios
/// are never cached.
/// </summary>
public sealed class ResultCache(int capacity)
{
    private volatile Generation _generation = new(null);

    public bool TryGet(EvaluationContext context, ReadOnlySpan<byte> scenarioJson, out byte[] result)
    {
        result = [];
        if (capacity == 0)
        {
            return false;
        }

        var generation = _generation;
        return ReferenceEquals(generation.Context, context)
            && generation.Entries.TryGetValue(Key(scenarioJson), out result!);
    }

    public void Add(EvaluationContext context, ReadOnlySpan<byte> scenarioJson, byte[] result)
    {
        if (capacity == 0)
        {
            return;
        }

        var generation = _generation;
        if (!ReferenceEquals(generation.Context, context) || generation.Entries.Count >= capacity)
        {
            generation = _generation = new Generation(context);
        }

        generation.Entries[Key(scenarioJson)] = result;
    }

    private static UInt128 Key(ReadOnlySpan<byte> json)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(json, hash);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    private sealed class Generation(EvaluationContext? context)
    {
        public EvaluationContext? Context { get; } = context;

        public ConcurrentDictionary<UInt128, byte[]> Entries { get; } = new();
    }
}

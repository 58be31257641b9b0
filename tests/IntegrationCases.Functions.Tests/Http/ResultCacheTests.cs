using IntegrationCases.Engine.Parameters;
using IntegrationCases.Pipeline.Http;
using IntegrationCases.Pipeline.Scenarios;

namespace IntegrationCases.Functions.Tests.Http;

public sealed class ResultCacheTests
{
    private static readonly byte[] Scenario = """{"municipalityCode":"851","caseId":"NY-JOB-30"}"""u8.ToArray();

    [Fact]
    public void A_hit_needs_the_same_bytes_and_the_same_context()
    {
        var cache = new ResultCache(10);
        var context = EvaluationContextFactory.Create(ParameterStore.Default, new DateOnly(2027, 1, 1));
        cache.Add(context, Scenario, [1, 2, 3]);
        Assert.True(cache.TryGet(context, Scenario, out var hit));
        Assert.Equal([1, 2, 3], hit);
        Assert.False(cache.TryGet(context, [.. Scenario, (byte)' '], out _));
        Assert.False(cache.TryGet(context with { DefaultStartDate = new DateOnly(2030, 1, 1) }, Scenario, out _));
    }

    [Fact]
    public void The_cache_starts_over_when_full_and_keeps_nothing_when_disabled()
    {
        var context = EvaluationContextFactory.Create(ParameterStore.Default, new DateOnly(2027, 1, 1));
        var cache = new ResultCache(2);
        cache.Add(context, "a"u8, [1]);
        cache.Add(context, "b"u8, [2]);
        cache.Add(context, "c"u8, [3]);
        Assert.False(cache.TryGet(context, "a"u8, out _));
        Assert.True(cache.TryGet(context, "c"u8, out _));
        var off = new ResultCache(0);
        off.Add(context, "a"u8, [1]);
        Assert.False(off.TryGet(context, "a"u8, out _));
    }
}

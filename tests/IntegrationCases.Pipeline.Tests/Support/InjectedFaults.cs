using Polly.Simmy;
using Polly.Simmy.Fault;

namespace IntegrationCases.Pipeline.Tests.Support;

/// <summary>Polly chaos options that inject a fault at a rate, from a seeded randomizer so every run injects alike.</summary>
public static class InjectedFaults
{
    public static ChaosFaultStrategyOptions At(double rate, Func<Exception> fault, Action onInjected, int seed)
    {
        var random = new Random(seed);
        return new ChaosFaultStrategyOptions
        {
            InjectionRate = rate,
            Randomizer = () => { lock (random) { return random.NextDouble(); } },
            FaultGenerator = new FaultGenerator().AddException(fault),
            OnFaultInjected = _ =>
            {
                onInjected();
                return default;
            },
        };
    }
}

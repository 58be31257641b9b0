using IntegrationCases.Engine.Simulation;

namespace IntegrationCases.Engine.Uncertainty;

/// <summary>
/// Evaluates the sampled draws with the engine's lean path, optionally on several threads: each draw runs the
/// investment future at its own effect multiplier (<see cref="EffectSweep"/>) and applies its price factors to
/// that run's <see cref="LeanResponse"/>, which is exact (no interpolation). Each worker takes a fixed contiguous
/// block of draws and writes each outcome to the draw's own slot, so the result is the same bits for any degree
/// of parallelism.
/// </summary>
internal static class DrawRunner
{
    /// <summary>Below this many draws per worker, threads cost more than they save.</summary>
    private const int MinDrawsPerWorker = 250;

    public static LeanResult[] Run(EffectSweep sweep, FactorMultipliers[] draws, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        var outcomes = new LeanResult[draws.Length];
        var workers = Math.Max(1, Math.Min(maxDegreeOfParallelism, draws.Length / MinDrawsPerWorker));
        if (workers == 1)
        {
            RunBlock(sweep, draws, outcomes, 0, draws.Length, cancellationToken);
            return outcomes;
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken };
        Parallel.For(0, workers, options, worker =>
        {
            var from = (int)((long)draws.Length * worker / workers);
            var to = (int)((long)draws.Length * (worker + 1) / workers);
            RunBlock(worker == 0 ? sweep : sweep.Fork(), draws, outcomes, from, to, cancellationToken);
        });
        return outcomes;
    }

    private static void RunBlock(EffectSweep sweep, FactorMultipliers[] draws, LeanResult[] outcomes, int from, int to, CancellationToken cancellationToken)
    {
        var response = new double[sweep.ResponseLength];
        var taxChange = new double[sweep.Groups.Count];
        for (var i = from; i < to; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            sweep.At(draws[i].Effect, response);
            sweep.Groups.TaxChange(draws[i].Earnings, taxChange);
            outcomes[i] = LeanResponse.At(response, draws[i].Prices, taxChange, sweep.Groups.Discount);
        }
    }
}

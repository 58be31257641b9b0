namespace IntegrationCases.Engine.Uncertainty;

/// <summary>
/// Evaluates the sampled draws, optionally on several threads. Each worker takes a fixed contiguous block of
/// draws and writes each outcome to the draw's own slot, and every draw is evaluated on its own, so the result
/// is the same bits for any degree of parallelism.
/// </summary>
internal static class DrawRunner
{
    /// <summary>Below this many draws per worker, threads cost more than they save.</summary>
    private const int MinDrawsPerWorker = 250;

    public static DrawOutcome[] Run(DrawEvaluator evaluator, FactorMultipliers[] draws, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        var outcomes = new DrawOutcome[draws.Length];
        var workers = Math.Max(1, Math.Min(maxDegreeOfParallelism, draws.Length / MinDrawsPerWorker));
        if (workers == 1)
        {
            RunBlock(evaluator, draws, outcomes, 0, draws.Length, cancellationToken);
            return outcomes;
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken };
        Parallel.For(0, workers, options, worker =>
        {
            var from = (int)((long)draws.Length * worker / workers);
            var to = (int)((long)draws.Length * (worker + 1) / workers);
            RunBlock(worker == 0 ? evaluator : evaluator.Fork(), draws, outcomes, from, to, cancellationToken);
        });
        return outcomes;
    }

    private static void RunBlock(DrawEvaluator evaluator, FactorMultipliers[] draws, DrawOutcome[] outcomes, int from, int to, CancellationToken cancellationToken)
    {
        for (var i = from; i < to; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            outcomes[i] = evaluator.Evaluate(draws[i]);
        }
    }
}

using IntegrationCases.Engine.Simulation;

namespace IntegrationCases.Engine.Uncertainty;

/// <summary>
/// The shortcut for many scenarios (the mart's <c>fact_uncertainty</c>): the engine's lean response is computed
/// at <see cref="Nodes"/> effect multipliers only, the Chebyshev–Lobatto points of the effect's range, and a draw
/// interpolates the response's coefficients at its own multiplier (barycentric formula) before applying its price
/// factors exactly. The response is smooth in λ (the hazards are smooth in the targets), so the interpolation
/// error is far below the tolerance that the tests hold it to against direct evaluation (docs/uncertainty.md
/// gives the measured error). A collapsed range has one node and is exact.
/// </summary>
internal sealed class EffectGrid
{
    /// <summary>Nodes of the interpolation; the tests measure the error at this count.</summary>
    public const int Nodes = 5;

    private readonly double[] lambdas;
    private readonly double[] weights;
    private readonly double[] responses; // node j's response at j × length
    private readonly int length;
    private readonly EarningsTaxGroups groups;

    private EffectGrid(double[] lambdas, double[] weights, double[] responses, int length, EarningsTaxGroups groups)
    {
        (this.lambdas, this.weights, this.responses, this.length, this.groups) = (lambdas, weights, responses, length, groups);
    }

    /// <summary>The grid over [<paramref name="low"/>, <paramref name="high"/>], both already within [0, λmax].</summary>
    public static EffectGrid Build(EffectSweep sweep, double low, double high)
    {
        var count = low == high ? 1 : Nodes;
        var lambdas = new double[count];
        var weights = new double[count];
        var intervals = count - 1;
        for (var j = 0; j < count; j++)
        {
            // x_j = cos(jπ/n) on [−1, 1], mapped to [low, high]; weights (−1)^j, halved at both ends.
            lambdas[j] = count == 1 ? low : low + ((high - low) * (1 - Math.Cos(j * Math.PI / intervals)) / 2);
            weights[j] = (j % 2 == 0 ? 1.0 : -1.0) * (j == 0 || j == intervals ? 0.5 : 1.0);
        }

        var length = sweep.ResponseLength;
        var responses = new double[count * length];
        for (var j = 0; j < count; j++)
        {
            sweep.At(lambdas[j], responses.AsSpan(j * length, length));
        }

        return new EffectGrid(lambdas, weights, responses, length, sweep.Groups);
    }

    public LeanResult[] Evaluate(FactorMultipliers[] draws, CancellationToken cancellationToken)
    {
        var outcomes = new LeanResult[draws.Length];
        var response = new double[length];
        var basis = new double[lambdas.Length];
        var taxChange = new double[groups.Count];
        for (var i = 0; i < draws.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Interpolate(draws[i].Effect, basis, response);
            groups.TaxChange(draws[i].Earnings, taxChange);
            outcomes[i] = LeanResponse.At(response, draws[i].Prices, taxChange, groups.Discount);
        }

        return outcomes;
    }

    /// <summary>The response at <paramref name="lambda"/>: a node's own where λ is a node, else the barycentric interpolant.</summary>
    private void Interpolate(double lambda, double[] basis, double[] response)
    {
        var exact = Array.IndexOf(lambdas, lambda);
        if (exact >= 0)
        {
            responses.AsSpan(exact * length, length).CopyTo(response);
            return;
        }

        var sum = 0.0;
        for (var j = 0; j < lambdas.Length; j++)
        {
            basis[j] = weights[j] / (lambda - lambdas[j]);
            sum += basis[j];
        }

        Array.Clear(response);
        for (var j = 0; j < lambdas.Length; j++)
        {
            var b = basis[j] / sum;
            var node = responses.AsSpan(j * length, length);
            for (var k = 0; k < length; k++)
            {
                response[k] += b * node[k];
            }
        }
    }
}

using IntegrationCases.Engine.Simulation;

namespace IntegrationCases.Engine.Uncertainty;

/// <summary>
/// The shortcut for many scenarios (the mart's <c>fact_uncertainty</c>): the engine's lean response is computed
/// at a few effect multipliers only, and a draw interpolates the response's coefficients at its own multiplier
/// (barycentric formula) before applying its price factors exactly (<see cref="LeanResponse.At"/>).
/// <para>
/// The range is covered by pieces. A piece interpolates through its <see cref="Nodes"/> Chebyshev–Lobatto points
/// and is checked at the <see cref="Checks"/> points halfway between them (in angle; together the 9-point grid):
/// every coefficient of the response must be met there within <see cref="RelativeTolerance"/> of that
/// coefficient's largest size on the piece. A piece that misses is split in two. A smooth response takes one
/// piece (9 investment runs); a kink (a calibrated hazard reaching a bound) or the steep end next to λmax takes
/// a few more, smaller ones around it. A piece still missing at <see cref="MaxDepth"/> halvings is evaluated
/// exactly, draw by draw, so the grid is never less accurate than its check allows. A collapsed range is one
/// exact node. The tests hold the result against direct evaluation (docs/uncertainty.md gives the error).
/// </para>
/// </summary>
internal sealed class EffectGrid
{
    /// <summary>Interpolation nodes of a piece.</summary>
    public const int Nodes = 5;

    /// <summary>Check points of a piece: the 9-point Chebyshev–Lobatto grid's points that are not nodes.</summary>
    public const int Checks = Nodes - 1;

    /// <summary>
    /// The largest miss at a check point, as a share of the coefficient's largest size on the piece: far below what
    /// the tests ask of the percentiles (0.5 %), and above the calibration's own noise (at 1e-7 IGU's response, with
    /// its steep two-year hazards, needs 21 pieces over its default range 0.6-1.04, at 1e-6 14, at 1e-5 9; the six
    /// five-year cases one at each).
    /// </summary>
    public const double RelativeTolerance = 1e-6;

    /// <summary>Halvings of the range before a piece is evaluated exactly (its width is then range / 2^12).</summary>
    public const int MaxDepth = 12;

    private readonly EffectSweep sweep;
    private readonly Piece[] pieces;
    private readonly int length;

    private EffectGrid(EffectSweep sweep, Piece[] pieces)
    {
        (this.sweep, this.pieces, length) = (sweep, pieces, sweep.ResponseLength);
    }

    /// <summary>The pieces the range was cut into (1 for a smooth response).</summary>
    public int PieceCount => pieces.Length;

    /// <summary>The low end of each piece, in order.</summary>
    public IReadOnlyList<double> PieceStarts => [.. pieces.Select(p => p.Low)];

    /// <summary>The pieces evaluated draw by draw (0 unless the response has a feature no piece could resolve).</summary>
    public int ExactPieceCount => pieces.Count(p => p.Exact);

    /// <summary>
    /// The grid over [<paramref name="low"/>, <paramref name="high"/>], both already within [0, λmax]. The tolerance
    /// and the depth are the constants' unless a test asks for others.
    /// </summary>
    public static EffectGrid Build(EffectSweep sweep, double low, double high, double relativeTolerance = RelativeTolerance, int maxDepth = MaxDepth)
    {
        var pieces = new List<Piece>();
        if (low == high)
        {
            pieces.Add(Piece.Node(sweep, low));
        }
        else
        {
            Cover(sweep, (low, high), 0, (relativeTolerance, maxDepth), pieces);
        }

        return new EffectGrid(sweep, [.. pieces]);
    }

    /// <summary>Covers [low, high] with checked pieces, in order, halving where a piece misses.</summary>
    private static void Cover(EffectSweep sweep, (double Low, double High) range, int depth, (double Tolerance, int MaxDepth) limits, List<Piece> into)
    {
        var piece = Piece.Build(sweep, range.Low, range.High);
        if (piece.Passes(sweep, limits.Tolerance))
        {
            into.Add(piece);
            return;
        }

        if (depth == limits.MaxDepth)
        {
            into.Add(piece.AsExact());
            return;
        }

        var middle = range.Low + ((range.High - range.Low) / 2);
        Cover(sweep, (range.Low, middle), depth + 1, limits, into);
        Cover(sweep, (middle, range.High), depth + 1, limits, into);
    }

    public LeanResult[] Evaluate(FactorMultipliers[] draws, CancellationToken cancellationToken)
    {
        var outcomes = new LeanResult[draws.Length];
        var response = new double[length];
        var basis = new double[Nodes];
        var groups = sweep.Groups;
        var taxChange = new double[groups.Count];
        for (var i = 0; i < draws.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var lambda = draws[i].Effect;
            var piece = PieceOf(lambda);
            if (piece.Exact)
            {
                sweep.At(lambda, response);
            }
            else
            {
                piece.Interpolate(lambda, basis, response);
            }

            groups.TaxChange(draws[i].Earnings, taxChange);
            outcomes[i] = LeanResponse.At(response, draws[i].Prices, taxChange, groups.Discount);
        }

        return outcomes;
    }

    /// <summary>The piece holding <paramref name="lambda"/>: the last whose low end is at most λ (pieces are contiguous and ordered).</summary>
    private Piece PieceOf(double lambda)
    {
        int from = 0, to = pieces.Length - 1;
        while (from < to)
        {
            var middle = (from + to + 1) / 2;
            if (pieces[middle].Low <= lambda)
            {
                from = middle;
            }
            else
            {
                to = middle - 1;
            }
        }

        return pieces[from];
    }

    /// <summary>One piece: its nodes, their barycentric weights and the response at each node (node j's at j × length).</summary>
    private sealed class Piece
    {
        private readonly double[] lambdas;
        private readonly double[] weights;
        private readonly double[] responses;
        private readonly int length;

        private Piece(double low, double[] lambdas, double[] weights, double[] responses, int length, bool exact)
        {
            (Low, this.lambdas, this.weights, this.responses, this.length, Exact) = (low, lambdas, weights, responses, length, exact);
        }

        public double Low { get; }

        public bool Exact { get; }

        /// <summary>A single node, exact (a collapsed range).</summary>
        public static Piece Node(EffectSweep sweep, double lambda)
        {
            var response = new double[sweep.ResponseLength];
            sweep.At(lambda, response);
            return new Piece(lambda, [lambda], [1.0], response, response.Length, exact: false);
        }

        /// <summary>The Chebyshev–Lobatto nodes x_j = cos(jπ/n) mapped to [low, high]; weights (−1)^j, halved at both ends.</summary>
        public static Piece Build(EffectSweep sweep, double low, double high)
        {
            var intervals = Nodes - 1;
            var lambdas = new double[Nodes];
            var weights = new double[Nodes];
            var length = sweep.ResponseLength;
            var responses = new double[Nodes * length];
            for (var j = 0; j < Nodes; j++)
            {
                // The ends exactly: a draw clamped to λmax is then the end node itself, and no node lies beyond λmax.
                lambdas[j] = j == 0 ? low : j == intervals ? high : Map(low, high, j * Math.PI / intervals);
                weights[j] = (j % 2 == 0 ? 1.0 : -1.0) * (j == 0 || j == intervals ? 0.5 : 1.0);
                sweep.At(lambdas[j], responses.AsSpan(j * length, length));
            }

            return new Piece(low, lambdas, weights, responses, length, exact: false);
        }

        public Piece AsExact() => new(Low, lambdas, weights, responses, length, exact: true);

        /// <summary>Whether the interpolant meets the response at every check point, coefficient by coefficient.</summary>
        public bool Passes(EffectSweep sweep, double relativeTolerance)
        {
            var (low, high) = (lambdas[0], lambdas[^1]);
            var exact = new double[Checks * length];
            var interpolated = new double[length];
            var basis = new double[Nodes];
            for (var i = 0; i < Checks; i++)
            {
                var lambda = Map(low, high, (i + 0.5) * Math.PI / (Nodes - 1));
                sweep.At(lambda, exact.AsSpan(i * length, length));
                Interpolate(lambda, basis, interpolated);
                for (var k = 0; k < length; k++)
                {
                    var miss = Math.Abs(interpolated[k] - exact[(i * length) + k]);
                    if (miss > relativeTolerance * Scale(k, exact))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>The largest size of coefficient k at the nodes and the check points computed so far.</summary>
        private double Scale(int k, double[] checks)
        {
            var scale = 0.0;
            for (var j = 0; j < lambdas.Length; j++)
            {
                scale = Math.Max(scale, Math.Abs(responses[(j * length) + k]));
            }

            for (var i = k; i < checks.Length; i += length)
            {
                scale = Math.Max(scale, Math.Abs(checks[i]));
            }

            return scale;
        }

        /// <summary>The response at <paramref name="lambda"/>: a node's own where λ is a node, else the barycentric interpolant.</summary>
        public void Interpolate(double lambda, double[] basis, double[] response)
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

        /// <summary>The point at angle θ of [low, high]: low + (high − low)(1 − cos θ)/2, so θ = 0 is low and θ = π is high.</summary>
        private static double Map(double low, double high, double angle) => low + ((high - low) * (1 - Math.Cos(angle)) / 2);
    }
}

namespace IntegrationCases.Engine.Uncertainty;

/// <summary>
/// The Monte Carlo draws of the factors, all sampled up front in one sequential stream so that evaluating them
/// in parallel cannot change a bit: draw i takes uniforms 4i .. 4i + 3 of xoshiro256** seeded from the request's
/// seed, one per factor in the fixed factor order, each turned into a value by the triangular inverse CDF. A
/// collapsed range still takes its uniform, so the other factors' draws do not depend on it. The factors are
/// independent (docs/api.md argues why).
/// </summary>
internal static class FactorSampler
{
    public static FactorMultipliers[] Sample(UncertaintySettings settings, double lambdaMax)
    {
        var generator = Xoshiro256StarStar.FromSeed(settings.Seed);
        var effect = settings.For(UncertaintyFactor.EffectMultiplier);
        var cost = settings.For(UncertaintyFactor.CostMultiplier);
        var earnings = settings.For(UncertaintyFactor.EarningsMultiplier);
        var effort = settings.For(UncertaintyFactor.EffortCostMultiplier);
        var draws = new FactorMultipliers[settings.Draws];
        for (var i = 0; i < draws.Length; i++)
        {
            // Four statements, not one expression: the order in which the uniforms are taken is the contract.
            var e = ClampEffect(effect.Quantile(generator.NextDouble()), lambdaMax);
            var c = cost.Quantile(generator.NextDouble());
            var w = earnings.Quantile(generator.NextDouble());
            var k = effort.Quantile(generator.NextDouble());
            draws[i] = new FactorMultipliers(e, c, w, k);
        }

        return draws;
    }

    /// <summary>The effect multiplier within the break-even search's [0, λmax] (METHOD.md section 7): beyond λmax a trajectory leaves [0, 1] or cannot be reached.</summary>
    public static double ClampEffect(double value, double lambdaMax) => Math.Clamp(value, 0, lambdaMax);
}

namespace IntegrationCases.Engine.Simulation;

/// <summary>
/// One future of a scenario on its timeline, unrounded: the money lines in DKK (index t × 10 + line), the
/// persons on benefit at the start of each month and the persons self-supporting after each month; and the
/// net total as the break-even search sums it.
/// </summary>
internal sealed record FutureRun(double[] Lines, double[] OnBenefit, double[] SelfSupportingAfter)
{
    public double Net { get; private init; }

    public static FutureRun Of(PlanSimulation plan, Future future, ReadOnlySpan<double> hazardByYear)
    {
        var run = new FutureRun(
            new double[plan.Months * Results.LineCatalogue.Count],
            new double[plan.Months],
            new double[plan.Months]);
        return run with { Net = plan.Run(future, hazardByYear, run.Lines, run.OnBenefit, run.SelfSupportingAfter) };
    }
}

using IntegrationCases.Engine.Rules;

namespace IntegrationCases.Engine.Simulation;

/// <summary>
/// What the money of a month needs from the states (METHOD.md section 6), per unit of a cohort's mass, for
/// each of its own months: the masses at the start of the month and the self-supporting mass after its
/// transitions. Filled by <see cref="CohortSimulation"/>; buffers are reused across runs.
/// </summary>
internal sealed class Trajectory(int months)
{
    public int Months { get; } = months;

    /// <summary>The mass in B(c, p) at the start of month t, summed over p, at index t × 13 + c.</summary>
    public double[] OnBenefitByClock { get; } = new double[months * RefusionStaircase.ClockStates];

    /// <summary>The mass on benefit at the start of month t.</summary>
    public double[] OnBenefit { get; } = new double[months];

    /// <summary>The mass self-supporting at the start of month t.</summary>
    public double[] SelfSupporting { get; } = new double[months];

    /// <summary>The self-supporting mass in the first months of a spell, which in-job support is paid for.</summary>
    public double[] Supported { get; } = new double[months];

    /// <summary>The mass in S(c, j, 0) with j the result grant's spell month: it completes its months in a job.</summary>
    public double[] Completing { get; } = new double[months];

    /// <summary>The mass self-supporting after the transitions at the end of month t.</summary>
    public double[] SelfSupportingAfter { get; } = new double[months];

    public ReadOnlySpan<double> ByClock(int t) => OnBenefitByClock.AsSpan(t * RefusionStaircase.ClockStates, RefusionStaircase.ClockStates);
}

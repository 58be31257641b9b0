using System.ComponentModel.DataAnnotations;
using IntegrationCases.Engine.Uncertainty;

namespace IntegrationCases.Functions.Recompute;

/// <summary>
/// How the Functions app serialises and coalesces recompute runs, bound from section <c>Recompute</c>
/// (app settings <c>Recompute__LeaseDuration</c> and so on) and validated at start-up.
/// </summary>
public sealed class RecomputeOptions
{
    public const string SectionName = "Recompute";

    /// <summary>The lock blob in the mart container whose lease lets one run at a time publish.</summary>
    [Required, RegularExpression("^[a-z0-9][a-z0-9/._-]{0,200}$")]
    public string LockBlob { get; set; } = "locks/recompute.lock";

    /// <summary>The lease is taken for this long and renewed at a third of it while the run works; a crashed run frees it after this.</summary>
    [Range(typeof(TimeSpan), "00:00:15", "00:01:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A request that finds another run under way is put back on the queue, visible again after this.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan BusyRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How much later than a request a run must have started to cover it: room for clock differences between
    /// instances. Too large only costs an extra run that the inputs hash then skips.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ClockSkewAllowance { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The Monte Carlo draws of each standard case's uncertainty in a run (fact_uncertainty); the CLI's run takes 2,000.</summary>
    [Range(1, UncertaintyRequest.MaxDraws)]
    public int UncertaintyDraws { get; set; } = UncertaintyRequest.DefaultDraws;

    /// <summary>
    /// From this many draws a run fans its uncertainty out, one queue message per municipality, instead of computing
    /// it in the run (docs/uncertainty.md 'Fan-out'). At the default, a run of up to 10,000 draws stays in one process.
    /// </summary>
    [Range(1, UncertaintyRequest.MaxDraws)]
    public int UncertaintyFanOutFromDraws { get; set; } = 20_000;
}

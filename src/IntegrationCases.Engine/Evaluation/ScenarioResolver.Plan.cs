using IntegrationCases.Engine.Cases;
using IntegrationCases.Engine.Municipalities;
using IntegrationCases.Engine.Scenarios;

namespace IntegrationCases.Engine.Evaluation;

/// <summary>The intake plan (METHOD.md sections 3a and 9): <c>participants</c> or <c>cohorts</c>, never both.</summary>
internal static partial class ScenarioResolver
{
    /// <summary>At most 20 cohorts in a plan (METHOD.md section 3a).</summary>
    public const int MaxCohorts = 20;

    private static ResolvedCohort[] ResolvePlan(
        ScenarioRequest request, CaseDefinition definition, MunicipalityFacts facts, DateOnly start, int months, List<ValidationError> errors)
    {
        if (request.Cohorts is { } plan)
        {
            if (request.Participants is not null)
            {
                errors.Add("participants", "Angiv enten participants (ét hold, der starter på startdatoen) eller cohorts (en tilgangsplan), ikke begge.");
            }

            return ResolveCohorts(plan, start, months, errors);
        }

        if (request.Participants is { } given)
        {
            errors.InRange("participants", given, 0, MaxParticipants, "Antallet af deltagere (fuldtidspersoner)");
            return [new ResolvedCohort(start, 0, given)];
        }

        if (!facts.TargetGroupPersonsByCase.TryGetValue(definition.Id, out var count))
        {
            errors.Add("participants", $"Der findes endnu ingen data om antallet af fuldtidspersoner i målgruppen for kommune {facts.Code} ({facts.Name}) og casen {definition.Id}; angiv participants (et tal fra 0 til {Danish.Number(MaxParticipants)}) eller en tilgangsplan i cohorts.");
            return [];
        }

        var participants = count * definition.ParticipationShare;
        if (!double.IsFinite(participants) || participants < 0 || participants > MaxParticipants)
        {
            errors.Add("participants", $"Kommunens antal fuldtidspersoner i målgruppen ({Danish.Number(count)}) giver {Danish.Number(participants)} deltagere, uden for intervallet 0-{Danish.Number(MaxParticipants)}; angiv participants.");
        }

        return [new ResolvedCohort(start, 0, participants)];
    }

    /// <summary>
    /// 1 to 20 cohorts, each starting on the first of a month from the scenario's start to its last month, with
    /// a size that is not negative. Sorted by start, then size: the order a user writes a plan in changes nothing.
    /// </summary>
    private static ResolvedCohort[] ResolveCohorts(IReadOnlyList<Cohort> plan, DateOnly start, int months, List<ValidationError> errors)
    {
        if (plan.Count is 0 or > MaxCohorts)
        {
            errors.Add("cohorts", $"Tilgangsplanen har {plan.Count} hold; tilladt er 1 til {MaxCohorts}.");
            return [];
        }

        var last = start.AddMonths(months - 1);
        var cohorts = new List<ResolvedCohort>(plan.Count);
        for (var i = 0; i < plan.Count; i++)
        {
            var (cohortStart, participants) = plan[i];
            errors.InRange($"cohorts[{i}].participants", participants, 0, MaxParticipants, $"Antallet af deltagere i hold {i + 1} (fuldtidspersoner)");
            if (cohortStart.Day != 1 || cohortStart < start || cohortStart > last)
            {
                errors.Add($"cohorts[{i}].startDate", $"Holdets startdato {Danish.Date(cohortStart)} skal være den første dag i en måned fra scenariets startdato {Danish.Date(start)} til horisontens sidste måned {Danish.Date(last)}.");
                continue;
            }

            var offset = Calendar.MonthsBetween(start, cohortStart);
            cohorts.Add(new ResolvedCohort(cohortStart, offset, participants));
        }

        return [.. cohorts.OrderBy(c => c.Offset).ThenBy(c => c.Participants)];
    }
}

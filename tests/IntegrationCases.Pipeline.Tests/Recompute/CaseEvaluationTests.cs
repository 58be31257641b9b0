using IntegrationCases.Engine.Cases;
using IntegrationCases.Engine.Parameters;
using IntegrationCases.Pipeline.Ingestion;
using IntegrationCases.Pipeline.Mart;
using IntegrationCases.Pipeline.Municipalities;
using IntegrationCases.Pipeline.Recompute;
using IntegrationCases.Pipeline.Scenarios;
using IntegrationCases.Pipeline.Tests.Ingestion;

namespace IntegrationCases.Pipeline.Tests.Recompute;

/// <summary>The participants a run reports for each evaluated case (fact_case_result.participants, the extracts' 'Deltagere').</summary>
public sealed class CaseEvaluationTests
{
    private static readonly DateOnly Start = new(2027, 1, 1);

    [Fact]
    public async Task A_municipal_plan_file_reports_the_sum_of_its_cohorts_as_participants_not_the_target_groups_default()
    {
        // The municipality's count would give 42.5 × the case's participation share by default; the plan says 12.25 + 7.5 + 20.
        var counts = await Accepted("target-groups/aalborg-2025.csv", "kommunekode;case_id;periode;fuldtidspersoner;personer;kilde\n851;NY-JOB-30;2025;42,5;50;Jobcenterets opgørelse\n");
        var plan = await Accepted("assumptions/851/tilgang.json", """
            {"caseId":"NY-JOB-30","startDate":"2027-01-01",
             "cohorts":[{"startDate":"2028-01-01","participants":20},{"startDate":"2027-01-01","participants":12.25},{"startDate":"2027-07-01","participants":7.5}]}
            """);
        var facts = MunicipalityFactsBuilder.Build([counts], CaseCatalogue.Standard, MunicipalityRegister.Default).Facts;
        var context = EvaluationContextFactory.Create(ParameterStore.Default, Start, facts, MunicipalityRegister.Default, CaseCatalogue.Standard);

        var outcome = CaseEvaluation.Evaluate(context, Start, plan.Assumptions);

        var scenario = Assert.Single(outcome.Scenarios, s => s.Kind == ScenarioDefinition.Municipal);
        Assert.True(scenario.IsPlan);
        var planned = Assert.Single(outcome.Cases, c => c.ScenarioId == scenario.ScenarioId);
        Assert.Equal(39.75, planned.Participants);
        Assert.Equal(planned.Result.Cohorts.Sum(c => c.Participants), planned.Participants);
        var standard = Assert.Single(outcome.Cases, c => c.ScenarioId == ScenarioDefinition.Standard && c.Result.MunicipalityCode == "851" && c.Result.CaseId == "NY-JOB-30");
        var share = CaseCatalogue.Standard.Cases.Single(c => c.Id == "NY-JOB-30").ParticipationShare;
        Assert.Equal(42.5 * share, standard.Participants, 9);
        Assert.NotEqual(standard.Participants, planned.Participants);
    }

    [Fact]
    public void A_result_without_a_plan_reports_its_one_cohort_and_a_plan_the_sum_over_its_cohorts()
    {
        var single = Tests.Support.SampleResults.Result("851", "NY-JOB-30") with { Cohorts = [new(Start, 40)] };
        var plan = single with { Cohorts = [new(Start, 0.1), new(Start.AddMonths(1), 0.1), new(Start.AddYears(1), 0.1), new(Start.AddYears(1).AddMonths(1), 0.4)] };

        Assert.Equal(40, EvaluatedCase.ParticipantsOf(single));
        // Summed cohort by cohort in the plan's order, as the result lists them (not year by year, which rounds differently).
        Assert.Equal(((0.1 + 0.1) + 0.1) + 0.4, EvaluatedCase.ParticipantsOf(plan));
        Assert.Equal(EvaluatedCase.ParticipantsOf(plan), EvaluatedCase.Of("s", plan).Participants);
    }

    private static async Task<CuratedData> Accepted(string path, string text)
    {
        var outcome = await Ingest.Text(path, text);
        Assert.True(outcome.Accepted, Ingest.Describe(outcome));
        return outcome.Curated!;
    }
}

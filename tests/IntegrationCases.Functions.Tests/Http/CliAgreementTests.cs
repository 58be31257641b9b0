using System.Diagnostics;
using System.Net;
using System.Text;
using IntegrationCases.Functions.Tests.Support;

namespace IntegrationCases.Functions.Tests.Http;

/// <summary>
/// The API answers exactly what <c>integration-cases evaluate</c> prints for the same scenario: the CLI is run
/// as a real process (the integration-cases.dll beside the tests) and its standard output compared byte for
/// byte with the HTTP body. The CLI ends its output with one newline for the terminal; the body has none.
/// </summary>
public sealed class CliAgreementTests(ApiServerFixture server) : IClassFixture<ApiServerFixture>
{
    public static TheoryData<string> Scenarios => new()
    {
        HttpApiTests.Aalborg,
        """{"municipalityCode":"101","caseId":"KH-AKT-30","startDate":"2025-07-01","horizonYears":10,"participants":120,"discountRate":0.035}""",
        """
        {"municipalityCode":"461","caseId":"IGU","startDate":"2026-01-01","horizonYears":4,"participants":12.5,
         "targetGroup":{"householdMix":{"ikke_forsoerger":0.7,"forsoerger":0.3},"initialRefusionClockMonths":3,"programmeEligible":true,"programmeMonthAtStart":6},
         "jobLossMonthlyProbability":0.02,"monthlyEarnings":21000,
         "baseline":{"selfSupportShareByYear":[0.1,0.2,0.3,0.4],"effortCostPerMonth":2000,"effortReimbursementShare":0.5},
         "investment":{"extraSelfSupportShareByYear":[0.05,0.1,0.1,0.08],"oneOffCostPerParticipant":5000,"monthlyCostPerParticipant":2500,"durationMonths":9,"reimbursementShare":0.5},
         "inJobSupport":{"monthlyCost":1500,"durationMonths":6},
         "danishTest":{"month":18,"baselinePassShare":0.2,"investmentPassShare":0.4},
         "prices":{"monthlyBenefit":12500,"grundtilskudMonthly":3127,"bonusPerExtraPersonByYear":{"2026":25000,"2027":25000},"kommuneskatRate":0.255}}
        """,
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task The_http_result_is_byte_for_byte_what_the_cli_prints(string scenario)
    {
        using var response = await server.Client.PostAsync(new Uri("/api/scenarios/evaluate", UriKind.Relative), new StringContent(scenario, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, Encoding.UTF8.GetString(body));

        var (exitCode, stdout, stderr) = await RunCliAsync(scenario);
        Assert.True(exitCode == 0, stderr);
        Assert.Equal([.. body, .. Encoding.UTF8.GetBytes(Environment.NewLine)], stdout);
    }

    [Fact]
    public async Task A_rejected_scenario_names_the_same_fields_on_both()
    {
        var scenario = """{"municipalityCode":"851","caseId":"NY-JOB-30","participants":-4,"horizonYears":3,"baseline":{"selfSupportShareByYear":[0.1,1.5,0.2]}}""";
        using var response = await server.Client.PostAsync(new Uri("/api/scenarios/evaluate", UriKind.Relative), new StringContent(scenario, Encoding.UTF8, "application/json"));
        var problem = await Problem.ReadAsync(response, 400);

        var (exitCode, stdout, stderr) = await RunCliAsync(scenario);
        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        var cliMessages = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var httpMessages = problem.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"));
        Assert.Equal(httpMessages.Order(StringComparer.Ordinal), cliMessages.Order(StringComparer.Ordinal));
    }

    private static async Task<(int ExitCode, byte[] Stdout, string Stderr)> RunCliAsync(string scenario)
    {
        var file = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, scenario);
        try
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "integration-cases.dll"), "evaluate", "--scenario", file })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            using var stdout = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            await copy;
            return (process.ExitCode, stdout.ToArray(), await stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

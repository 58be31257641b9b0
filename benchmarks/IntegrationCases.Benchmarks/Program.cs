using BenchmarkDotNet.Running;

namespace IntegrationCases.Benchmarks;

internal static class BenchmarkProgram
{
    public static void Main(string[] args)
    {
        if (args is ["loadtest", .. var rest])
        {
            Environment.ExitCode = LoadTest.LoadTestProgram.RunAsync(rest).GetAwaiter().GetResult();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
    }
}

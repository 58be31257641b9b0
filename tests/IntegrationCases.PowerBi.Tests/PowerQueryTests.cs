using IntegrationCases.PowerBi.Tests.PowerQuery;
using IntegrationCases.PowerBi.Tests.Tmdl;
using static IntegrationCases.PowerBi.Tests.ModelUnderTest;

namespace IntegrationCases.PowerBi.Tests;

/// <summary>Every Power Query M expression in the model, parsed by Microsoft's own M parser (npm, pinned).</summary>
public sealed class PowerQueryTests
{
    /// <summary>An M expression and where its first line is in the TMDL files.</summary>
    public sealed record MExpression(string Name, string Text, string File, int StartLine)
    {
        public string Describe(MParseResult result) =>
            $"{File}:{StartLine + (result.Line ?? 1) - 1}: {Name}: {result.Stage} error at column {result.Column}: {result.Message}";
    }

    /// <summary>Partition queries and shared expressions (parameters and functions).</summary>
    public static IReadOnlyList<MExpression> MExpressions() =>
        Model.Tables.SelectMany(t => t.ChildrenOf("partition"))
            .Where(p => p.Expression == "m")
            .Select(p => new MExpression($"partition {p.Name}", p.ExpressionProperties["source"], p.File, p.ExpressionPropertyLines["source"]))
            .Concat(Model.Expressions.Select(e => new MExpression($"expression {e.Name}", e.Expression!, e.File, e.ExpressionLine)))
            .ToList();

    [Fact]
    public void Every_power_query_expression_in_the_model_parses_without_a_syntax_error()
    {
        var expressions = MExpressions();
        var results = PowerQueryParser.Parse([.. expressions.Select(e => (e.Name, e.Text))]);

        Assert.True(expressions.Count >= MartSchemaTableCount + 5, $"expected every mart partition and the parameters, found {expressions.Count}");
        NoFailures(expressions.Zip(results).Where(p => !p.Second.Ok).Select(p => p.First.Describe(p.Second)));
    }

    [Fact]
    public void A_broken_M_expression_is_reported_with_its_line()
    {
        var good = MExpressions().First(e => e.Name.StartsWith("partition Pengestrøm", StringComparison.Ordinal));
        var broken = good.Text.Replace("    Typer = Table.TransformColumnTypes(", "    Typer = Table.TransformColumnTypes(,", StringComparison.Ordinal);
        var trailingComma = "let\n    a = 1,\nin\n    a";
        Assert.NotEqual(good.Text, broken);

        var results = PowerQueryParser.Parse([(good.Name, good.Text), ("broken", broken), ("trailing comma", trailingComma)]);

        Assert.True(results[0].Ok, results[0].ToString());
        Assert.False(results[1].Ok);
        Assert.Equal(good.Text.Split('\n').ToList().FindIndex(l => l.Contains("Table.TransformColumnTypes(", StringComparison.Ordinal)) + 1, results[1].Line);
        var fileLine = File.ReadAllLines(Path.Combine(RepoPaths.SemanticModelDefinition, good.File)).ToList()
            .FindIndex(l => l.Contains("Typer = Table.TransformColumnTypes(", StringComparison.Ordinal)) + 1;
        Assert.StartsWith($"{good.File}:{fileLine}: partition Pengestrøm: Parse error", good.Describe(results[1]), StringComparison.Ordinal);
        Assert.False(results[2].Ok);
        Assert.Contains("in", results[2].Message, StringComparison.Ordinal);
    }

    private static int MartSchemaTableCount => IntegrationCases.Pipeline.Mart.MartSchema.Tables.Count;
}

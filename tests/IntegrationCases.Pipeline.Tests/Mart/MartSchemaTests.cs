using System.Text.RegularExpressions;
using IntegrationCases.Pipeline.Mart;

namespace IntegrationCases.Pipeline.Tests.Mart;

public sealed partial class MartSchemaTests
{
    [Fact]
    public void Every_table_and_column_name_is_snake_case_and_unique_within_its_table()
    {
        Assert.Equal(MartSchema.Tables.Count, MartSchema.Tables.Select(t => t.Name).Distinct().Count());
        foreach (var table in MartSchema.Tables)
        {
            Assert.Matches(SnakeCase(), table.Name);
            Assert.Equal(table.Columns.Count, table.Columns.Select(c => c.Name).Distinct().Count());
            Assert.All(table.Columns, c => Assert.Matches(SnakeCase(), c.Name));
        }
    }

    [Fact]
    public void Every_table_has_a_key_and_no_key_column_is_nullable_or_unbounded_text()
    {
        foreach (var table in MartSchema.Tables)
        {
            Assert.NotEmpty(table.Keys);
            Assert.All(table.Keys, k => Assert.False(k.Nullable, $"{table.Name}.{k.Name}"));
            Assert.All(table.Keys.Where(k => k.Type == MartType.Text), k => Assert.InRange(k.MaxLength, 1, 450));
        }
    }

    [Fact]
    public void Every_column_has_a_Danish_name_and_description()
    {
        Assert.All(MartSchema.Tables.SelectMany(t => t.Columns), c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.DanishName), c.Name);
            Assert.False(string.IsNullOrWhiteSpace(c.DanishDescription), c.Name);
        });
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex SnakeCase();
}

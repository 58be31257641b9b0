using IntegrationCases.PowerBi.Tests.Tmdl;

namespace IntegrationCases.PowerBi.Tests;

public sealed class TmdlReaderTests
{
    private const string Sample =
        "/// Tabellen\n" +
        "table 'Min tabel'\n" +
        "\n" +
        "\t/// Summen\n" +
        "\tmeasure 'Sum (kr.)' =\n" +
        "\t\t\tVAR x = 1\n" +
        "\n" +
        "\t\t\tRETURN x\n" +
        "\t\tformatString: #,0 \"kr.\"\n" +
        "\n" +
        "\tcolumn Kode\n" +
        "\t\tdataType: string\n" +
        "\t\tisHidden\n" +
        "\t\tsourceColumn: code\n" +
        "\n" +
        "\tpartition 'Min tabel' = m\n" +
        "\t\tmode: import\n" +
        "\t\tsource =\n" +
        "\t\t\t\tlet\n" +
        "\t\t\t\t    a = 1\n" +
        "\t\t\t\tin\n" +
        "\t\t\t\t    a\n" +
        "\n" +
        "\tannotation MartTable = dim_x\n";

    [Fact]
    public void The_reader_reads_objects_descriptions_properties_flags_and_multi_line_expressions()
    {
        var table = Assert.Single(TmdlReader.Read(Sample, "sample.tmdl"));

        Assert.Equal(("table", "Min tabel", "Tabellen"), (table.Kind, table.Name, table.Description));
        var measure = Assert.Single(table.ChildrenOf("measure"));
        Assert.Equal("Sum (kr.)", measure.Name);
        Assert.Equal("Summen", measure.Description);
        Assert.Equal("VAR x = 1\n\nRETURN x", measure.Expression);
        Assert.Equal("#,0 \"kr.\"", measure.Property("formatString"));
        var column = Assert.Single(table.ChildrenOf("column"));
        Assert.True(column.Has("isHidden"));
        Assert.Equal("code", column.Property("sourceColumn"));
        var partition = Assert.Single(table.ChildrenOf("partition"));
        Assert.Equal("m", partition.Expression);
        Assert.Equal("let\n    a = 1\nin\n    a", partition.ExpressionProperties["source"]);
        Assert.Equal((6, 19), (measure.ExpressionLine, partition.ExpressionPropertyLines["source"]));
        Assert.Equal("dim_x", Assert.Single(table.ChildrenOf("annotation")).Expression);
    }

    [Theory]
    [InlineData("table T\n\n    column C\n", "indentation must be tabs")]
    [InlineData("table T\n\n\tcolumn C\n\t\tdataTyp: string\n", "unknown property 'dataTyp'")]
    [InlineData("table T\n\n\thierarchy H\n", "'hierarchy' is not understood inside table")]
    [InlineData("table T\n\n\t\tcolumn C\n", "unexpected indentation")]
    [InlineData("table T\n\n\tmeasure M\n\t\tformatString: 0\n", "needs '= ...'")]
    [InlineData("table T\n\n\tmeasure M =\n\t\tformatString: 0\n", "no expression indented 3 tabs")]
    [InlineData("/// beskrivelse\n\ntable T\n", "directly above its object")]
    [InlineData("table Min tabel\n", "must be quoted")]
    [InlineData("table 'T\n", "unterminated quoted name")]
    [InlineData("table T\n\n\tcolumn C\n\t\tisHidden\n\t\tisHidden: true\n", "unknown property 'isHidden'")]
    [InlineData("table T\n\n\tcolumn C\n\t\tdataType: string\n\t\tdataType: int64\n", "given twice")]
    [InlineData("table T\n\t// kommentar\n", "no '//' comments")]
    [InlineData("ref cultureInfo da-DK\n", "only 'ref table'")]
    [InlineData("table T\n\n\tmeasure M = 1\n\t\t```\n", "not understood inside measure")]
    [InlineData("table T\n\n\tannotation A =\n", "needs a value on the same line")]
    [InlineData("relationship R = x\n", "cannot have '= ...'")]
    public void The_reader_fails_loudly_with_file_and_line_on_what_it_does_not_understand(string tmdl, string expected)
    {
        var error = Assert.Throws<TmdlFormatException>(() => TmdlReader.Read(tmdl, "broken.tmdl"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("broken.tmdl:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Pengestrøm.Kommunekode", "Pengestrøm", "Kommunekode")]
    [InlineData("'Business case'.'Case-id'", "Business case", "Case-id")]
    [InlineData("'It''s'.X", "It's", "X")]
    public void Column_references_split_into_table_and_column(string text, string table, string column)
    {
        Assert.Equal((table, column), TmdlReader.ReadColumnReference(text, "test"));
    }

    [Fact]
    public void The_DAX_scanner_finds_table_column_and_measure_references_outside_strings()
    {
        var (refs, literals) = DaxReferences.Scan("SUMX ( VALUES ( 'År'[År] ), [Nettoeffekt] ) + Kommune[Navn] & \"[ikke en ref]\"");

        Assert.Equal([new DaxReference("År", "År"), new DaxReference(null, "Nettoeffekt"), new DaxReference("Kommune", "Navn")], refs);
        Assert.Equal(["[ikke en ref]"], literals);
    }

    [Theory]
    [InlineData("SUM ( 'T'[C] ")]
    [InlineData("SUM ( 'T'[C] ) )")]
    [InlineData("{ 1, 2 )")]
    public void The_DAX_scanner_rejects_unbalanced_parentheses(string dax)
    {
        Assert.Throws<FormatException>(() => DaxReferences.Scan(dax));
    }
}

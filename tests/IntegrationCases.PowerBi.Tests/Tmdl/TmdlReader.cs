namespace IntegrationCases.PowerBi.Tests.Tmdl;

/// <summary>
/// A small, strict reader of the TMDL subset this project writes: tab indentation, '///' descriptions,
/// 'key: value' properties, bare flags, '= value' defaults with multi-line bodies two levels deeper than the
/// declaring line, and the objects database, model, queryGroup, ref table, table, column, measure, partition,
/// relationship, expression, annotation and extendedProperty (a JSON body). Anything else is an error naming file and line, so a file saved by
/// Power BI Desktop with new kinds of objects fails loudly instead of being half-read.
/// </summary>
public static class TmdlReader
{
    private enum Default { Forbidden, Optional, Required }

    private sealed record Grammar(
        string[] Properties, string[] Flags, string[] ExpressionProperties, string[] Children, Default Default);

    private static readonly Dictionary<string, Grammar> Grammars = new(StringComparer.Ordinal)
    {
        ["root"] = new([], [], [], ["database", "model", "queryGroup", "ref", "table", "relationship", "expression", "annotation"], Default.Forbidden),
        ["database"] = new(["compatibilityLevel", "compatibilityMode"], [], [], [], Default.Forbidden),
        ["model"] = new(["culture", "defaultPowerBIDataSourceVersion", "sourceQueryCulture"], ["discourageImplicitMeasures"], [], ["annotation"], Default.Forbidden),
        ["queryGroup"] = new([], [], [], ["annotation"], Default.Forbidden),
        ["table"] = new(["lineageTag", "dataCategory"], ["isHidden"], [], ["column", "measure", "partition", "annotation"], Default.Forbidden),
        ["column"] = new(
            ["dataType", "formatString", "summarizeBy", "sourceColumn", "sortByColumn", "displayFolder", "lineageTag", "dataCategory"],
            ["isHidden", "isKey", "isNameInferred", "isDataTypeInferred"], [], ["annotation", "extendedProperty"], Default.Optional),
        ["measure"] = new(["formatString", "displayFolder", "lineageTag"], ["isHidden"], [], ["annotation"], Default.Required),
        ["partition"] = new(["mode", "queryGroup"], [], ["source"], ["annotation"], Default.Required),
        ["relationship"] = new(
            ["fromColumn", "toColumn", "crossFilteringBehavior", "fromCardinality", "toCardinality", "isActive"], [], [], ["annotation"], Default.Forbidden),
        ["expression"] = new(["lineageTag", "queryGroup"], [], [], ["annotation"], Default.Required),
        ["annotation"] = new([], [], [], [], Default.Required),
        ["extendedProperty"] = new([], [], [], [], Default.Required),
    };

    /// <summary>Reads one TMDL document; returns its top-level objects.</summary>
    public static IReadOnlyList<TmdlNode> Read(string text, string file)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var root = new TmdlNode("root", "", file, 0);
        var reader = new Cursor(lines, file);
        ReadBlock(reader, root, level: 0);
        if (!reader.AtEnd)
        {
            throw reader.Error("unexpected text after the last object");
        }

        return root.Children;
    }

    private sealed class Cursor(string[] lines, string file)
    {
        public int Index { get; set; }

        public string File { get; } = file;

        public bool AtEnd => Index >= lines.Length;

        public string Current => lines[Index];

        public int LineNumber => Index + 1;

        public string Line(int i) => lines[i];

        public int Count => lines.Length;

        public TmdlFormatException Error(string message) => new(File, LineNumber, message);
    }

    private static int Indent(Cursor c, string line)
    {
        var tabs = 0;
        while (tabs < line.Length && line[tabs] == '\t')
        {
            tabs++;
        }

        if (tabs < line.Length && line[tabs] == ' ')
        {
            throw c.Error("indentation must be tabs, found a space");
        }

        return tabs;
    }

    private static void ReadBlock(Cursor c, TmdlNode parent, int level)
    {
        var grammar = Grammars[parent.Kind];
        string? description = null;
        while (!c.AtEnd)
        {
            var raw = c.Current;
            if (raw.Trim().Length == 0)
            {
                if (description is not null)
                {
                    throw c.Error("a '///' description must be directly above its object");
                }

                c.Index++;
                continue;
            }

            var indent = Indent(c, raw);
            if (indent < level)
            {
                break;
            }

            if (indent > level)
            {
                throw c.Error($"unexpected indentation: {indent} tabs where {level} were expected");
            }

            var line = raw[indent..].TrimEnd();
            if (line.StartsWith("///", StringComparison.Ordinal))
            {
                var part = line[3..].Trim();
                description = description is null ? part : description + "\n" + part;
                c.Index++;
                continue;
            }

            if (line.StartsWith("//", StringComparison.Ordinal))
            {
                throw c.Error("TMDL has no '//' comments");
            }

            var word = FirstWord(line);
            if (word.EndsWith(':'))
            {
                var key = word[..^1];
                RequireNoDescription(c, description, key);
                if (!grammar.Properties.Contains(key))
                {
                    throw c.Error($"unknown property '{key}' in {parent.Kind}");
                }

                var value = line[word.Length..].Trim();
                if (value.Length == 0)
                {
                    throw c.Error($"property '{key}' has no value");
                }

                if (!parent.Properties.TryAdd(key, value))
                {
                    throw c.Error($"property '{key}' given twice");
                }

                c.Index++;
                continue;
            }

            if (grammar.ExpressionProperties.Contains(word))
            {
                RequireNoDescription(c, description, word);
                var rest = line[word.Length..].TrimStart();
                if (!rest.StartsWith('='))
                {
                    throw c.Error($"expected '=' after '{word}'");
                }

                var declLine = c.LineNumber;
                var (expression, startLine) = ReadValue(c, rest[1..].Trim(), indent);
                if (!parent.ExpressionProperties.TryAdd(word, expression))
                {
                    throw new TmdlFormatException(c.File, declLine, $"property '{word}' given twice");
                }

                parent.ExpressionPropertyLines[word] = startLine;

                continue;
            }

            if (word == line && grammar.Flags.Contains(word))
            {
                RequireNoDescription(c, description, word);
                parent.Flags.Add(word);
                c.Index++;
                continue;
            }

            if (!grammar.Children.Contains(word))
            {
                throw c.Error($"'{word}' is not understood inside {parent.Kind}");
            }

            var child = ReadObject(c, word, line[word.Length..], indent);
            child.Description = description;
            description = null;
            parent.Children.Add(child);
        }

        if (description is not null)
        {
            throw c.Error("a '///' description is not followed by an object");
        }
    }

    private static void RequireNoDescription(Cursor c, string? description, string what)
    {
        if (description is not null)
        {
            throw c.Error($"a '///' description cannot describe the property '{what}'");
        }
    }

    private static TmdlNode ReadObject(Cursor c, string kind, string afterKind, int indent)
    {
        var line = c.LineNumber;
        var rest = afterKind.Trim();
        if (kind == "ref")
        {
            var sub = FirstWord(rest);
            if (sub != "table")
            {
                throw c.Error($"only 'ref table' is understood, not 'ref {sub}'");
            }

            var (refName, refRest) = ReadName(c, rest[sub.Length..].Trim());
            if (refRest.Length != 0)
            {
                throw c.Error($"unexpected text after 'ref table {refName}'");
            }

            c.Index++;
            return new TmdlNode("ref table", refName, c.File, line);
        }

        var (name, after) = ReadName(c, rest);
        var node = new TmdlNode(kind, name, c.File, line);
        var grammar = Grammars[kind];
        if (after.Length == 0)
        {
            if (grammar.Default == Default.Required)
            {
                throw c.Error($"{kind} '{name}' needs '= ...'");
            }

            c.Index++;
        }
        else
        {
            if (!after.StartsWith('='))
            {
                throw c.Error($"unexpected '{after}' after {kind} '{name}'");
            }

            if (grammar.Default == Default.Forbidden)
            {
                throw c.Error($"{kind} '{name}' cannot have '= ...'");
            }

            var value = after[1..].Trim();
            if (kind == "annotation")
            {
                if (value.Length == 0)
                {
                    throw c.Error($"annotation '{name}' needs a value on the same line");
                }

                node.Expression = value;
                node.ExpressionLine = line;
                c.Index++;
            }
            else
            {
                (node.Expression, node.ExpressionLine) = ReadValue(c, value, indent);
            }
        }

        if (kind == "annotation")
        {
            return node;
        }

        ReadBlock(c, node, indent + 1);
        return node;
    }

    /// <summary>
    /// Reads the value of '=': the rest of the line, or (when that is empty) the following lines indented at least
    /// two levels deeper than the declaring line. Leaves the cursor on the first line after the value. Returns the
    /// value and the file line where it starts.
    /// </summary>
    private static (string Value, int StartLine) ReadValue(Cursor c, string sameLine, int indent)
    {
        var declLine = c.LineNumber;
        c.Index++;
        if (sameLine.Length != 0)
        {
            return (sameLine, declLine);
        }

        var bodyIndent = indent + 2;
        var body = new List<string>();
        var lastContent = -1;
        var start = c.Index;
        for (var i = start; i < c.Count; i++)
        {
            var raw = c.Line(i);
            if (raw.Trim().Length == 0)
            {
                body.Add("");
                continue;
            }

            var tabs = 0;
            while (tabs < raw.Length && raw[tabs] == '\t')
            {
                tabs++;
            }

            if (tabs < bodyIndent)
            {
                break;
            }

            body.Add(raw[bodyIndent..].TrimEnd());
            lastContent = i;
        }

        if (lastContent < 0)
        {
            throw c.Error($"'=' is followed by no expression indented {bodyIndent} tabs");
        }

        c.Index = lastContent + 1;
        return (string.Join("\n", body.Take(lastContent - start + 1)), start + 1);
    }

    private static string FirstWord(string line)
    {
        var end = 0;
        while (end < line.Length && !char.IsWhiteSpace(line[end]))
        {
            end++;
        }

        return line[..end];
    }

    /// <summary>Reads a name: 'quoted with '' escapes' or bare up to ' =' or the end; returns the rest.</summary>
    private static (string Name, string Remainder) ReadName(Cursor c, string text)
    {
        if (text.StartsWith('\''))
        {
            var sb = new System.Text.StringBuilder();
            for (var i = 1; i < text.Length; i++)
            {
                if (text[i] == '\'')
                {
                    if (i + 1 < text.Length && text[i + 1] == '\'')
                    {
                        sb.Append('\'');
                        i++;
                        continue;
                    }

                    return (sb.ToString(), text[(i + 1)..].Trim());
                }

                sb.Append(text[i]);
            }

            throw c.Error("unterminated quoted name");
        }

        var eq = text.IndexOf('=', StringComparison.Ordinal);
        var name = (eq < 0 ? text : text[..eq]).Trim();
        if (name.Length == 0)
        {
            throw c.Error("missing name");
        }

        if (name.Any(ch => ch is '\'' or ':' or '.' || char.IsWhiteSpace(ch)))
        {
            throw c.Error($"the name '{name}' must be quoted with '...'");
        }

        return (name, eq < 0 ? "" : text[eq..]);
    }

    /// <summary>Splits a column reference 'Table'.'Column' (each part optionally quoted).</summary>
    public static (string Table, string Column) ReadColumnReference(string text, string where)
    {
        var cursor = new Cursor([text], where);
        var (table, rest) = ReadNameUntilDot(cursor, text.Trim());
        if (!rest.StartsWith('.'))
        {
            throw new TmdlFormatException(where, 0, $"'{text}' is not a Table.Column reference");
        }

        var (column, tail) = ReadNameUntilDot(cursor, rest[1..]);
        if (tail.Length != 0)
        {
            throw new TmdlFormatException(where, 0, $"unexpected '{tail}' in the reference '{text}'");
        }

        return (table, column);
    }

    private static (string Name, string Remainder) ReadNameUntilDot(Cursor c, string text)
    {
        if (text.StartsWith('\''))
        {
            return ReadName(c, text);
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? (text, "") : (text[..dot], text[dot..]);
    }
}

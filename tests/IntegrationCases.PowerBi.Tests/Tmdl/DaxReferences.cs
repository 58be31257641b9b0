namespace IntegrationCases.PowerBi.Tests.Tmdl;

/// <summary>A reference found in a DAX expression: 'Table'[Name], Table[Name], [Name] or a bare 'Table'.</summary>
public sealed record DaxReference(string? Table, string? Name);

/// <summary>
/// Finds the table, column and measure references in a DAX expression, skipping string literals (which are
/// returned separately: SELECTCOLUMNS and ADDCOLUMNS introduce column names as strings). Unbalanced
/// parentheses or braces outside strings and names are a <see cref="FormatException"/>.
/// </summary>
public static class DaxReferences
{
    public static (IReadOnlyList<DaxReference> References, IReadOnlyList<string> Literals) Scan(string dax)
    {
        var refs = new List<DaxReference>();
        var literals = new List<string>();
        var open = new Stack<char>();
        var i = 0;
        while (i < dax.Length)
        {
            var ch = dax[i];
            if (ch == '"')
            {
                literals.Add(ReadDelimited(dax, ref i, '"', '"'));
            }
            else if (ch == '\'')
            {
                var table = ReadDelimited(dax, ref i, '\'', '\'');
                refs.Add(i < dax.Length && dax[i] == '[' ? new DaxReference(table, ReadDelimited(dax, ref i, '[', ']')) : new DaxReference(table, null));
            }
            else if (ch == '[')
            {
                refs.Add(new DaxReference(null, ReadDelimited(dax, ref i, '[', ']')));
            }
            else if (char.IsLetter(ch) || ch == '_')
            {
                var start = i;
                while (i < dax.Length && (char.IsLetterOrDigit(dax[i]) || dax[i] == '_' || dax[i] == '.'))
                {
                    i++;
                }

                if (i < dax.Length && dax[i] == '[')
                {
                    refs.Add(new DaxReference(dax[start..i], ReadDelimited(dax, ref i, '[', ']')));
                }
            }
            else
            {
                if (ch is '(' or '{')
                {
                    open.Push(ch);
                }
                else if (ch is ')' or '}')
                {
                    if (!open.TryPop(out var opener) || opener != (ch == ')' ? '(' : '{'))
                    {
                        throw new FormatException($"unbalanced '{ch}' at offset {i}");
                    }
                }

                i++;
            }
        }

        if (open.Count > 0)
        {
            throw new FormatException($"{open.Count} unclosed '{open.Peek()}'");
        }

        return (refs, literals);
    }

    private static string ReadDelimited(string text, ref int i, char open, char close)
    {
        var start = i;
        var sb = new System.Text.StringBuilder();
        i++;
        while (i < text.Length)
        {
            if (text[i] == close)
            {
                // A doubled closing character escapes itself (strings and quoted names; ']]' in column names).
                if (i + 1 < text.Length && text[i + 1] == close)
                {
                    sb.Append(close);
                    i += 2;
                    continue;
                }

                i++;
                return sb.ToString();
            }

            sb.Append(text[i]);
            i++;
        }

        throw new FormatException($"unterminated {open}...{close} starting at offset {start}");
    }
}

using System.Text;

namespace Wgig.Translate.Domain.Glossary;

/// <summary>
/// Glossaries as CSV (RFC 4180, UTF-8), one row per term: entry, language, term, status, partOfSpeech, termNote,
/// definition, note, doNotTranslate. Rows with the same entry form one concept (definition, note and
/// doNotTranslate from its first row). A file without an entry column may be written by hand: a row in the
/// source language starts a concept, the rows after it add its translations.
/// </summary>
public static class GlossaryCsv
{
    public static readonly string[] Columns = ["entry", "language", "term", "status", "partOfSpeech", "termNote", "definition", "note", "doNotTranslate"];

    public static void Write(Stream output, IEnumerable<GlossaryEntry> entries)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine(string.Join(',', Columns));
        foreach (var entry in entries)
        {
            var first = true;
            foreach (var term in entry.Terms)
            {
                writer.WriteLine(string.Join(',', new[]
                {
                    entry.Id.ToString("N"), term.Language, term.Text, term.Status.ToString().ToLowerInvariant(), term.PartOfSpeech, term.Note,
                    first ? entry.Definition : null, first ? entry.Note : null, first && entry.DoNotTranslate ? "yes" : null,
                }.Select(Quote)));
                first = false;
            }
        }
    }

    /// <summary>The concepts of a CSV file as drafts, or why the file cannot be read (no header naming language and term).</summary>
    public static (List<GlossaryEntryDraft> Drafts, string? Problem) Read(Stream input, string sourceLanguage)
    {
        using var reader = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var rows = Rows(reader.ReadToEnd()).ToList();
        if (rows.Count == 0)
        {
            return ([], "The file is empty.");
        }
        var header = rows[0].Select(h => h.Trim()).ToList();
        int Column(string name) => header.FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        int entry = Column("entry"), language = Column("language"), term = Column("term"), status = Column("status"), pos = Column("partOfSpeech"),
            termNote = Column("termNote"), definition = Column("definition"), note = Column("note"), keep = Column("doNotTranslate");
        if (language < 0 || term < 0)
        {
            return ([], $"The first row names the columns, and needs at least 'language' and 'term' (known columns: {string.Join(", ", Columns)}).");
        }
        var concepts = new List<(string Key, GlossaryEntryDraft Draft, List<GlossaryTermDraft> Terms)>();
        foreach (var row in rows.Skip(1).Where(r => r.Any(c => c.Length > 0)))
        {
            string? Cell(int i) => i >= 0 && i < row.Count && row[i].Trim().Length > 0 ? row[i].Trim() : null;
            var key = Cell(entry);
            var rowLanguage = Cell(language);
            var concept = key is not null ? concepts.FindLast(c => c.Key == key)
                : string.Equals(rowLanguage, sourceLanguage, StringComparison.OrdinalIgnoreCase) || concepts.Count == 0 ? default : concepts[^1];
            if (concept.Draft is null)
            {
                var terms = new List<GlossaryTermDraft>();
                concept = (key ?? Guid.NewGuid().ToString("N"), new GlossaryEntryDraft(Cell(definition), Cell(note),
                    Cell(keep) is { } yes && (yes.Equals("yes", StringComparison.OrdinalIgnoreCase) || yes.Equals("true", StringComparison.OrdinalIgnoreCase) || yes == "1"), terms), terms);
                concepts.Add(concept);
            }
            concept.Terms.Add(new GlossaryTermDraft(rowLanguage, Cell(term), Cell(status), Cell(pos), Cell(termNote)));
        }
        return ([.. concepts.Select(c => c.Draft)], null);
    }

    private static string Quote(string? value) =>
        value is null ? "" : value.IndexOfAny([',', '"', '\r', '\n']) >= 0 || value.StartsWith(' ') || value.EndsWith(' ')
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static IEnumerable<List<string>> Rows(string text)
    {
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                row.Add(cell.ToString());
                cell.Clear();
                yield return row;
                row = [];
            }
            else
            {
                cell.Append(c);
            }
        }
        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            yield return row;
        }
    }
}

namespace Wgig.Translate.Tests;

/// <summary>The shared samples: the 2005 WGIG preliminary report in its several formats.</summary>
public static class Samples
{
    public static string Directory { get; } = Find();

    public static string MarkdownPath => Path.Combine(Directory, "wgig-preliminary-report-2005.md");

    public static string PlainTextPath => Path.Combine(Directory, "wgig-preliminary-report-2005.txt");

    public static byte[] Markdown => File.ReadAllBytes(MarkdownPath);

    public static byte[] PlainText => File.ReadAllBytes(PlainTextPath);

    public static byte[] Docx => File.ReadAllBytes(Path.Combine(Directory, "wgig-preliminary-report-2005.docx"));

    /// <summary>
    /// The sample Word file with a DTD declared in one part (<paramref name="part"/>): the internal subset
    /// defines an entity, as an entity-expansion or external-entity attack would.
    /// </summary>
    public static byte[] DocxWithDtd(string part = "word/document.xml")
    {
        using var buffer = new MemoryStream();
        buffer.Write(Docx);
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry(part)!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }
            entry.Delete();
            var declarationEnd = xml.StartsWith("<?xml", StringComparison.Ordinal) ? xml.IndexOf("?>", StringComparison.Ordinal) + 2 : 0;
            using var writer = new StreamWriter(zip.CreateEntry(part).Open());
            writer.Write(xml[..declarationEnd] + "<!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + xml[declarationEnd..]);
        }
        return buffer.ToArray();
    }

    // The checkout sits beside shared/, wherever the tests run from.
    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "samples");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("shared/samples not found beside the checkout.");
    }
}

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

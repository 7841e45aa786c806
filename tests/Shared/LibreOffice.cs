using System.Diagnostics;

namespace Wgig.Translate.Tests;

/// <summary>Debian's LibreOffice (libreoffice-writer-nogui) and poppler-utils, to render documents the way a reader sees them.</summary>
public static class LibreOffice
{
    /// <summary>Converts a document to PDF headless, with a profile of its own so parallel runs do not share one; the PDF's path.</summary>
    public static string ToPdf(string document)
    {
        var directory = Path.GetDirectoryName(document)!;
        var profile = Path.Combine(directory, "profile");
        Run("/usr/bin/soffice", "libreoffice-writer-nogui", $"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
            "--convert-to", "pdf", "--outdir", directory, document);
        var pdf = Path.ChangeExtension(document, ".pdf");
        Assert.True(File.Exists(pdf), $"LibreOffice made no PDF of {document}.");
        return pdf;
    }

    /// <summary>Page one as a PNG at the given resolution (pdftoppm), to look at; the PNG's path.</summary>
    public static string FirstPageToPng(string pdf, int dpi = 60)
    {
        var prefix = Path.ChangeExtension(pdf, null);
        Run("/usr/bin/pdftoppm", "poppler-utils", "-png", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", "1", "-l", "1",
            "-singlefile", pdf, prefix);
        return prefix + ".png";
    }

    /// <summary>Page one's width in points, and its words with their boxes (pdftotext -bbox), in the order the PDF draws them.</summary>
    public static (double Width, IReadOnlyList<(string Word, double XMin, double XMax, double YMin)> Words) FirstPage(string pdf)
    {
        var html = Path.ChangeExtension(pdf, ".words.html");
        Run("/usr/bin/pdftotext", "poppler-utils", "-bbox", "-f", "1", "-l", "1", pdf, html);
        var document = System.Xml.Linq.XDocument.Load(html);
        var page = document.Descendants().First(e => e.Name.LocalName == "page");
        var words = document.Descendants().Where(e => e.Name.LocalName == "word");
        return (Read(page, "width"), [.. words.Select(w => (w.Value, Read(w, "xMin"), Read(w, "xMax"), Read(w, "yMin")))]);

        static double Read(System.Xml.Linq.XElement element, string name) =>
            double.Parse((string)element.Attribute(name)!, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Run(string path, string package, params string[] arguments)
    {
        Assert.True(File.Exists(path), $"{path} is missing: install Debian's {package} (./test does when run as root).");
        using var process = Process.Start(new ProcessStartInfo(path, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), $"{Path.GetFileName(path)} did not finish in two minutes.");
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(path)} failed: {errors.Result} {output.Result}");
    }
}

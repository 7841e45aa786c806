using System.Diagnostics;

namespace Wgig.Translate.Tests;

/// <summary>
/// Debian's OmegaT as a real peer of our TMX, headless: a project folder with its source files and
/// translation memories, translated with --mode=console-translate. A Groovy script can play the translator
/// (set translations) and write the project's memory, project_save.tmx, as OmegaT itself writes it.
/// </summary>
public sealed class OmegaT : IDisposable
{
    public OmegaT(string sourceLanguage, string targetLanguage)
    {
        Assert.True(File.Exists("/usr/bin/omegat"), "/usr/bin/omegat is missing: install Debian's omegat (./test does when run as root).");
        Root = Directory.CreateTempSubdirectory("omegat-").FullName;
        foreach (var folder in (string[])["source", "target", "tm/auto", "glossary", "dictionary", "omegat", "config"])
        {
            Directory.CreateDirectory(System.IO.Path.Combine(Root, folder));
        }
        File.WriteAllText(System.IO.Path.Combine(Root, "omegat.project"), $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <omegat>
                <project version="1.0">
                    <source_dir>source</source_dir>
                    <source_dir_excludes/>
                    <target_dir>target</target_dir>
                    <tm_dir>tm</tm_dir>
                    <glossary_dir>glossary</glossary_dir>
                    <glossary_file>glossary/glossary.txt</glossary_file>
                    <dictionary_dir>dictionary</dictionary_dir>
                    <source_lang>{sourceLanguage}</source_lang>
                    <target_lang>{targetLanguage}</target_lang>
                    <source_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</source_tok>
                    <target_tok>org.omegat.tokenizer.LuceneFrenchTokenizer</target_tok>
                    <sentence_seg>true</sentence_seg>
                    <support_default_translations>true</support_default_translations>
                    <remove_tags>false</remove_tags>
                </project>
            </omegat>
            """);
    }

    public string Root { get; }

    public string Path(string relative) => System.IO.Path.Combine(Root, relative);

    /// <summary>Runs OmegaT's console translation on the project; with a script, the script runs once the project is loaded.</summary>
    public void Translate(string? groovyScript = null)
    {
        var arguments = new List<string> { Root, "--mode=console-translate", $"--config-dir={Path("config")}" };
        if (groovyScript is not null)
        {
            File.WriteAllText(Path("script.groovy"), groovyScript);
            arguments.Add($"--script={Path("script.groovy")}");
        }
        using var process = Process.Start(new ProcessStartInfo("/usr/bin/omegat", arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0 && !errors.Contains("Exception", StringComparison.Ordinal), $"OmegaT failed: {errors}{output.Result}");
    }

    /// <summary>
    /// A script that types translations (source text → translation) into the project, as a translator would, and
    /// saves the project memory: RealProject.saveProject needs OmegaT's window, so the script calls the writer it uses.
    /// </summary>
    public static string TranslatorScript(IReadOnlyDictionary<string, string> translations) => $$"""
        import org.omegat.core.Core
        import org.omegat.core.data.PrepareTMXEntry
        import org.omegat.util.OConsts
        def translations = [{{string.Join(", ", translations.Select(t => $"'{Escape(t.Key)}': '{Escape(t.Value)}'"))}}]
        def project = Core.getProject()
        project.getAllEntries().each { entry ->
            def translation = translations[entry.getSrcText()]
            if (translation != null) {
                def prepared = new PrepareTMXEntry()
                prepared.source = entry.getSrcText()
                prepared.translation = translation
                project.setTranslation(entry, prepared, true, null)
            }
        }
        def field = project.getClass().getDeclaredField("projectTMX")
        field.setAccessible(true)
        def properties = project.getProjectProperties()
        field.get(project).save(properties, properties.getProjectInternal() + OConsts.STATUS_EXTENSION, true)
        """;

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

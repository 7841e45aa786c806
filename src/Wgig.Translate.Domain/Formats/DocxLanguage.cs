using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Wgig.Translate.Domain.Languages;
using WordLanguages = DocumentFormat.OpenXml.Wordprocessing.Languages;

namespace Wgig.Translate.Domain.Formats;

/// <summary>
/// Says in a rebuilt Word document which language its text is in, the way Word itself does, so Word proofs, hyphenates and
/// lays it out as that language: the document's default language and fonts (styles, settings) are the target's; translated
/// paragraphs carry the target on every run (w:lang, in the slot its script uses: w:val, w:eastAsia or w:bidi), right-to-left
/// paragraphs (w:bidi), runs (w:rtl), sections and tables when the target is written right to left, and the font Word has for
/// the script; paragraphs left in the source carry the source language on their runs.
/// </summary>
internal static class DocxLanguage
{
    public static void Apply(WordprocessingDocument document, TextLanguages languages, IReadOnlySet<Paragraph> translated, IReadOnlyList<Paragraph> untranslated)
    {
        var target = languages.Target;
        var main = document.MainDocumentPart!;
        Defaults(main, target);
        Settings(main, target);
        foreach (var paragraph in translated)
        {
            foreach (var run in paragraph.Descendants<Run>())
            {
                Mark(run.RunProperties ??= new RunProperties(), target);
            }
        }
        foreach (var run in untranslated.SelectMany(p => p.Descendants<Run>()))
        {
            // Text still in the source keeps a language Word proofs it as, whatever the document's default now is.
            var properties = run.RunProperties ??= new RunProperties();
            properties.Languages ??= Language(languages.Source);
        }
        if (target.RightToLeft)
        {
            // Every paragraph but those left in the source is right to left: the translated ones, and those with no text of their
            // own (an empty list item, a spacer), so their bullets and numbers sit on the right with the items around them.
            var source = untranslated.ToHashSet();
            foreach (var paragraph in main.Document!.Body!.Descendants<Paragraph>().Where(p => !source.Contains(p)))
            {
                (paragraph.ParagraphProperties ??= new ParagraphProperties()).BiDi = new BiDi();
            }
            foreach (var section in main.Document!.Descendants<SectionProperties>())
            {
                section.GetFirstChild<BiDi>()?.Remove();
                section.AddChild(new BiDi());
            }
            foreach (var table in main.Document!.Descendants<Table>())
            {
                (table.GetFirstChild<TableProperties>() ?? table.PrependChild(new TableProperties())).BiDiVisual = new BiDiVisual();
            }
        }
    }

    private static void Mark(RunProperties properties, Writing target)
    {
        properties.Languages = Language(target);
        if (target.Font is { } font)
        {
            var fonts = properties.RunFonts ??= new RunFonts();
            if (target.Slot == ScriptSlot.EastAsian)
            {
                fonts.EastAsia = font;
                fonts.Hint = FontTypeHintValues.EastAsia;
            }
            else
            {
                fonts.ComplexScript = font;
                fonts.Hint = FontTypeHintValues.ComplexScript;
            }
        }
        if (target.RightToLeft)
        {
            properties.RightToLeftText = new RightToLeftText();
        }
    }

    // Word reads w:val for Latin letters, w:eastAsia for CJK and w:bidi for complex scripts: the target goes in its slot, and in
    // w:val too, so that a Latin word inside (a name, an acronym) is not proofed as English.
    private static WordLanguages Language(Writing writing) => writing.Slot switch
    {
        ScriptSlot.EastAsian => new WordLanguages { Val = writing.Culture, EastAsia = writing.Culture },
        ScriptSlot.ComplexScript => new WordLanguages { Val = writing.Culture, Bidi = writing.Culture },
        _ => new WordLanguages { Val = writing.Culture },
    };

    private static void Defaults(MainDocumentPart main, Writing target)
    {
        var styles = main.StyleDefinitionsPart ?? main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles ??= new Styles();
        var defaults = styles.Styles.DocDefaults ??= new DocDefaults();
        var runDefaults = defaults.RunPropertiesDefault ??= new RunPropertiesDefault();
        var properties = runDefaults.RunPropertiesBaseStyle ??= new RunPropertiesBaseStyle();
        properties.Languages = Language(target);
        if (target.Font is { } font)
        {
            var fonts = properties.RunFonts ??= new RunFonts();
            if (target.Slot == ScriptSlot.EastAsian)
            {
                fonts.EastAsia = font;
                fonts.EastAsiaTheme = null;
            }
            else
            {
                fonts.ComplexScript = font;
                fonts.ComplexScriptTheme = null;
            }
        }
        styles.Styles.Save();
    }

    private static void Settings(MainDocumentPart main, Writing target)
    {
        var part = main.DocumentSettingsPart;
        if (part?.Settings is not { } settings)
        {
            return;
        }
        // The languages the theme's fonts are chosen for, where the document names them (in place: the schema fixes the order).
        ThemeFontLanguages languages = target.Slot switch
        {
            ScriptSlot.EastAsian => new ThemeFontLanguages { Val = target.Culture, EastAsia = target.Culture },
            ScriptSlot.ComplexScript => new ThemeFontLanguages { Val = target.Culture, Bidi = target.Culture },
            _ => new ThemeFontLanguages { Val = target.Culture },
        };
        if (settings.GetFirstChild<ThemeFontLanguages>() is { } existing)
        {
            settings.ReplaceChild(languages, existing);
        }
        else if (settings.GetFirstChild<ColorSchemeMapping>() is { } mapping)
        {
            settings.InsertBefore(languages, mapping);
        }
        settings.Save();
    }
}

namespace Wgig.Translate.Domain.Documents;

public enum FileFormat
{
    Markdown,
    PlainText,
    Html,
    Docx,
}

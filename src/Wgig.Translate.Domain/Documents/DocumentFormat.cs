namespace Wgig.Translate.Domain.Documents;

public enum DocumentFormat
{
    Markdown,
    PlainText,
}

using System.Text;
using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Formats;

/// <summary>
/// Builds the coded text of one block as an importer walks its markup. Runs of white space collapse to
/// one space (line wraps inside a paragraph are not content); leading and trailing space is dropped.
/// </summary>
public sealed class ContentBuilder
{
    private readonly StringBuilder _text = new();
    private readonly List<InlineCode> _codes = [];
    private int _nextId = 1;
    private bool _pendingSpace;

    public bool HasText { get; private set; }

    public ContentBuilder Text(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || SegmentContent.IsMarker(c))
            {
                // A stray private-use character in the source would read as a code; it is space-like noise.
                _pendingSpace = _text.Length > 0;
                continue;
            }
            if (_pendingSpace)
            {
                _text.Append(' ');
                _pendingSpace = false;
            }
            _text.Append(c);
            HasText = true;
        }
        return this;
    }

    public int Open(string type, string data, string? display = null)
    {
        var id = _nextId++;
        Add(new InlineCode(id, CodeKind.Open, type, data, display));
        return id;
    }

    public ContentBuilder Close(int id, string type, string data)
    {
        Add(new InlineCode(id, CodeKind.Close, type, data));
        return this;
    }

    public ContentBuilder Standalone(string type, string data, string? display = null)
    {
        Add(new InlineCode(_nextId++, CodeKind.Standalone, type, data, display));
        return this;
    }

    private void Add(InlineCode code)
    {
        if (_codes.Count >= SegmentContent.MaxCodes)
        {
            throw new TooManyInlineCodesException();
        }
        if (_pendingSpace)
        {
            _text.Append(' ');
            _pendingSpace = false;
        }
        _text.Append(SegmentContent.MarkerFor(_codes.Count));
        _codes.Add(code);
    }

    public SegmentContent Build() => new(_text.ToString().TrimEnd(' '), [.. _codes]);
}

/// <summary>
/// A block of the input carries more inline codes than a segment can hold (<see cref="SegmentContent.MaxCodes"/>): the
/// input is refused. Thrown from deep inside an importer's walk, so that no importer has to count; the import turns it
/// into <see cref="TooManyInlineCodes"/>.
/// </summary>
public sealed class TooManyInlineCodesException : Exception
{
    public TooManyInlineCodesException()
        : base($"More than {SegmentContent.MaxCodes} inline codes in one paragraph.")
    {
    }

    public TooManyInlineCodesException(string message)
        : base(message)
    {
    }

    public TooManyInlineCodesException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

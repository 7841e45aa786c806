namespace Wgig.Translate.Domain.Checks;

/// <summary>
/// What a check found, as a stable code and the words it quotes from the texts ("numbers.missing-one", ["2004"]):
/// the code is what a client or a page keys on, the arguments fill the code's sentence in CheckText.{culture}.resx.
/// </summary>
public sealed record CheckMessage(string Code, IReadOnlyList<string> Arguments)
{
    public CheckMessage(string code, params string[] arguments)
        : this(code, (IReadOnlyList<string>)arguments)
    {
    }
}

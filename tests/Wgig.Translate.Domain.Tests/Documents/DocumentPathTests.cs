using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;

namespace Wgig.Translate.Domain.Tests.Documents;

public sealed class DocumentPathTests
{
    [Theory]
    [InlineData("report.md", "report.md", ".md")]
    [InlineData(" papers\\en\\Report.MD ", "papers/en/Report.MD", ".md")]
    public void Paths_are_relative_with_forward_slashes(string input, string expected, string extension)
    {
        var path = DocumentPath.Parse(input);
        Assert.Equal((expected, extension), (path.Value!.Value, path.Value.Extension));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/etc/passwd")]
    [InlineData("../secret.md")]
    [InlineData("a//b.md")]
    [InlineData("a/./b.md")]
    [InlineData("bad\u0000name.md")]
    public void Unsafe_or_empty_paths_are_refused(string? input) =>
        Assert.IsType<InvalidInputError>(DocumentPath.Parse(input).Error, exactMatch: false);
}

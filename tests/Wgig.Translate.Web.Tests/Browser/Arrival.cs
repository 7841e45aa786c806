using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Wgig.Translate.Web.Tests.Browser;

public static class Arrival
{
    /// <summary>
    /// After a click that navigates: waits until the page's address matches <paramref name="address"/> (a regular expression,
    /// run in the browser) and the new page has loaded.
    /// </summary>
    /// <remarks>
    /// Not <c>IPage.WaitForURLAsync</c>: once a navigation matches, Playwright for .NET looks at the frame's load states and
    /// only then starts listening for them, without the lock their handler takes, so a "load" that arrives in between is never
    /// seen and the wait runs out its 30 s. CI met it once (the log showed only "NetworkIdle" fired). The assertion polls the
    /// address; <c>IPage.WaitForLoadStateAsync</c> looks and listens under that lock.
    /// </remarks>
    public static async Task ArriveAtAsync(this IPage page, [StringSyntax(StringSyntaxAttribute.Regex)] string address)
    {
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(address));
        await page.WaitForLoadStateAsync();
    }
}

namespace Wgig.Translate.Api.Web.Shell;

/// <summary>An entry of the header's navigation: where it goes, its label's key in <see cref="ShellText"/>, who sees it.</summary>
/// <param name="Roles">Only people in one of these roles see it; none: everyone signed in.</param>
public sealed record NavigationItem(string Href, string LabelKey, int Order, IReadOnlyList<string>? Roles = null);

/// <summary>
/// The header's navigation, filled by each feature of the web app when it is mapped (My work,
/// notifications, profile; the coordinators' and secretariat's pages add theirs the same way).
/// </summary>
public sealed class WebNavigation
{
    private readonly List<NavigationItem> _items = [];

    public void Add(NavigationItem item) => _items.Add(item);

    public IEnumerable<NavigationItem> For(Viewer viewer) =>
        _items.Where(i => i.Roles is null || i.Roles.Any(viewer.Roles.Contains)).OrderBy(i => i.Order);
}

namespace Wgig.Translate.Api.Web.Dashboard;

/// <summary>The strings of the projects list, the coordinator's dashboard and the balancing page, in DashboardText.{culture}.resx.</summary>
public sealed class DashboardText;

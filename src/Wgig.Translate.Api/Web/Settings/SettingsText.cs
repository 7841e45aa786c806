namespace Wgig.Translate.Api.Web.Settings;

/// <summary>The strings of a project's settings page, in SettingsText.{culture}.resx.</summary>
public sealed class SettingsText;

namespace Wgig.Translate.Api.Web.Shell;

/// <summary>The shell's strings (navigation, common words, errors), in ShellText.{culture}.resx beside this file.</summary>
public sealed class ShellText;

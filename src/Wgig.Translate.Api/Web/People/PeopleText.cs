namespace Wgig.Translate.Api.Web.People;

/// <summary>The strings of the people directory and the invitations, in PeopleText.{culture}.resx.</summary>
public sealed class PeopleText;

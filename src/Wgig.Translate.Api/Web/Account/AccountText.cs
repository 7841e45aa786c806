namespace Wgig.Translate.Api.Web.Account;

/// <summary>The strings of the account pages (sign in, invitation, password, profile), in AccountText.{culture}.resx.</summary>
public sealed class AccountText;

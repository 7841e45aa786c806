namespace Wgig.Translate.Domain.Accounts;

/// <summary>
/// PostgreSQL tells listening processes, on commit, whose credentials changed: triggers on the tokens (changed or deleted),
/// the accounts (name, e-mail or disabled state changed, or deleted) and the account roles notify this channel with the
/// account's id (a TRUNCATE of one of them with no id: everyone's), whichever process or statement made the change. The API forgets the token checks it kept of that account.
/// </summary>
public static class CredentialNotices
{
    public const string Channel = "wgig_credentials";
}

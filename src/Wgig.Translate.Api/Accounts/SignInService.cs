using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Wgig.Translate.Api.Security;
using Wgig.Translate.Domain.Accounts;

namespace Wgig.Translate.Api.Accounts;

/// <summary>What a sign-in attempt came to; the answer for a wrong password and an unknown e-mail is the same.</summary>
public abstract record SignInOutcome
{
    public sealed record SignedIn(Account Account) : SignInOutcome;

    public sealed record Refused : SignInOutcome;

    public sealed record TooManyAttempts(TimeSpan RetryAfter) : SignInOutcome;
}

/// <summary>
/// The one place that decides a sign-in, for the JSON session endpoint and the web sign-in page alike. Attempts are
/// limited per account and per client address (ASP.NET Core's rate limiters, in <see cref="SignInLimits"/>) instead
/// of locking accounts, so nobody can lock someone else out. An unknown e-mail costs the same password hash as a
/// known one and gets the same answer as a wrong password; a disabled account is refused the same way.
/// </summary>
public sealed class SignInService(UserManager<Account> users, SignInManager<Account> signIn, IPasswordHasher<Account> hasher, SignInLimits limits)
{
    public const string RefusedDetail = "The e-mail or the password is wrong.";

    /// <summary>How long "keep me signed in" keeps a browser signed in without a visit (each visit starts it again).</summary>
    public static readonly TimeSpan RememberedFor = TimeSpan.FromDays(30);

    /// <param name="remember">
    /// A cookie that outlives the browser window, for <see cref="RememberedFor"/> after the last visit; otherwise the session
    /// ends with the window (or after the cookie's 12 idle hours). Either ends at once on sign-out, a new password or a disabled account.
    /// </param>
    public async Task<SignInOutcome> SignInAsync(string? email, string? password, HttpContext http, CancellationToken cancellationToken,
        bool remember = false)
    {
        var normalized = users.NormalizeEmail(email?.Trim() ?? "") ?? "";
        if (await limits.AcquireAsync(normalized, RateLimits.ClientAddress(http), cancellationToken) is { } retryAfter)
        {
            return new SignInOutcome.TooManyAttempts(retryAfter);
        }
        var account = normalized.Length == 0 ? null : await users.FindByEmailAsync(normalized);
        if (account is null || account.PasswordHash is null)
        {
            // The same work as checking a real password, so timing does not tell which e-mails have accounts.
            hasher.VerifyHashedPassword(new Account(), limits.DecoyHash, password ?? "");
            return new SignInOutcome.Refused();
        }
        var checkedPassword = await signIn.CheckPasswordSignInAsync(account, password ?? "", lockoutOnFailure: false);
        if (!checkedPassword.Succeeded || account.DisabledAt is not null)
        {
            return new SignInOutcome.Refused();
        }
        await signIn.SignInAsync(account, remember
            ? new Microsoft.AspNetCore.Authentication.AuthenticationProperties { IsPersistent = true, ExpiresUtc = DateTimeOffset.UtcNow + RememberedFor }
            : new Microsoft.AspNetCore.Authentication.AuthenticationProperties { IsPersistent = false });
        return new SignInOutcome.SignedIn(account);
    }
}

/// <summary>The sign-in rate limiters, one per process, and the decoy hash for unknown e-mails.</summary>
public sealed class SignInLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perAccount;
    private readonly PartitionedRateLimiter<string> _perAddress;

    public SignInLimits(IOptions<RateLimitOptions> options, IPasswordHasher<Account> hasher)
    {
        var limits = options.Value;
        _perAccount = Window(limits.SignInsPerAccount, limits.SignInWindow);
        _perAddress = Window(limits.SignInsPerAddress, limits.SignInWindow);
        DecoyHash = hasher.HashPassword(new Account(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
    }

    public string DecoyHash { get; }

    /// <summary>Null when the attempt may go ahead; otherwise how long to wait.</summary>
    public async Task<TimeSpan?> AcquireAsync(string account, string address, CancellationToken cancellationToken)
    {
        foreach (var (limiter, key) in new[] { (_perAddress, address), (_perAccount, account) })
        {
            using var lease = await limiter.AcquireAsync(key, 1, cancellationToken);
            if (!lease.IsAcquired)
            {
                return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
            }
        }
        return null;
    }

    public void Dispose()
    {
        _perAccount.Dispose();
        _perAddress.Dispose();
    }

    private static PartitionedRateLimiter<string> Window(int permits, TimeSpan window) => PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
}

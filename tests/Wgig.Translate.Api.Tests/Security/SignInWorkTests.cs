using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Tests.Security;

/// <summary>
/// Sign-in takes the same time whether or not the e-mail has an account. Wall time on a shared machine would make a
/// flaky test, so this compares the work each attempt does, which is what its time is made of: the password hashes
/// verified (with their PBKDF2 parameters: the cost is the iteration count) and the database commands sent. An unknown
/// e-mail, a wrong password and a disabled account must do the same work; bench/scripts/sign-in-timing.py measures the
/// wall times against a running system (docs/security.md).
/// </summary>
public sealed class SignInWorkTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const string Password = "a-good-long-password";
    private readonly Work _work = new();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_unknown_e_mail_a_wrong_password_and_a_disabled_account_cost_the_same_hash_and_the_same_queries()
    {
        await api.InviteAndSignUpAsync("dee@example.org", Password);
        var disabled = await api.InviteAndSignUpAsync("eve@example.org", Password);
        Assert.Equal(HttpStatusCode.NoContent, (await api.CreateClient(TestAccounts.AdminToken).PostAsync($"/api/accounts/{disabled}/disable", null)).StatusCode);
        await using var counted = api.WithWebHostBuilder(host => host.ConfigureTestServices(services =>
        {
            services.AddSingleton(_work);
            services.Replace(ServiceDescriptor.Scoped<IPasswordHasher<Account>, CountingHasher>());
            services.ConfigureDbContext<TranslationDb>((_, options) => options.AddInterceptors(new CountingCommands(_work)));
        }));
        var anonymous = counted.CreateClient();
        anonymous.DefaultRequestHeaders.Authorization = null;

        async Task<string> WorkOfAsync(string email, string password, HttpStatusCode expected)
        {
            _work.Clear();
            Assert.Equal(expected, (await anonymous.PostAsJsonAsync("/api/session", new { email, password })).StatusCode);
            return _work.ToString();
        }
        var unknown = await WorkOfAsync("nobody@example.org", "not the password", HttpStatusCode.Unauthorized);
        var wrong = await WorkOfAsync("dee@example.org", "not the password", HttpStatusCode.Unauthorized);
        var disabledWork = await WorkOfAsync("eve@example.org", Password, HttpStatusCode.Unauthorized);
        var signedIn = await WorkOfAsync("dee@example.org", Password, HttpStatusCode.NoContent);

        Assert.StartsWith("verify V3 PBKDF2-HMACSHA512 100000;", unknown, StringComparison.Ordinal);
        Assert.Matches(@"^[^;]+; [1-9]\d* command\(s\): SELECT ", unknown); // the account is looked up, whether or not it exists
        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, disabledWork);
        // The right password costs the same hash; only then does signing in do more.
        Assert.StartsWith("verify V3 PBKDF2-HMACSHA512 100000;", signedIn, StringComparison.Ordinal);
    }

    /// <summary>What one request did: hash verifications with their parameters, then the database commands (their SQL).</summary>
    public sealed class Work
    {
        private readonly ConcurrentQueue<string> _hashes = new();
        private readonly ConcurrentQueue<string> _commands = new();

        public void Hash(string parameters) => _hashes.Enqueue(parameters);

        public void Command(string sql) => _commands.Enqueue(sql);

        public void Clear()
        {
            _hashes.Clear();
            _commands.Clear();
        }

        public override string ToString() => string.Concat(_hashes.Select(h => $"verify {h};")) + $" {_commands.Count} command(s): " + string.Join(" | ", _commands);
    }

    // Identity's hasher, noting the parameters of each hash it verifies (format V3: 0x01, PRF, iteration count, big-endian).
    private sealed class CountingHasher(IOptions<PasswordHasherOptions> options, Work work) : IPasswordHasher<Account>
    {
        private readonly PasswordHasher<Account> _inner = new(options);

        public string HashPassword(Account user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(Account user, string hashedPassword, string providedPassword)
        {
            var bytes = Convert.FromBase64String(hashedPassword);
            var prf = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)) switch { 0 => "HMACSHA1", 1 => "HMACSHA256", 2 => "HMACSHA512", var other => $"PRF{other}" };
            work.Hash(bytes[0] == 1 ? $"V3 PBKDF2-{prf} {BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5))}" : $"format {bytes[0]}");
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private sealed class CountingCommands(Work work) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            work.Command(command.CommandText.ReplaceLineEndings(" "));
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            work.Command(command.CommandText.ReplaceLineEndings(" "));
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}

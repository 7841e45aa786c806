using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Domain.Tests.Storage;

public sealed class StoreOutageTests
{
    private static PostgresException Server(string sqlState) => new("message", "FATAL", "FATAL", sqlState);

    [Theory]
    [InlineData(PostgresErrorCodes.AdminShutdown)]     // the server is shutting down (a restart)
    [InlineData(PostgresErrorCodes.CrashShutdown)]
    [InlineData(PostgresErrorCodes.CannotConnectNow)]  // still starting up, recovering
    [InlineData(PostgresErrorCodes.ConnectionFailure)] // class 08
    [InlineData(PostgresErrorCodes.TooManyConnections)] // class 53
    public void What_the_server_says_while_it_restarts_or_is_full_is_an_outage(string sqlState) =>
        Assert.Equal(StoreOutageKind.Unavailable, StoreOutage.Classify(Server(sqlState)));

    [Theory]
    [InlineData(PostgresErrorCodes.UniqueViolation)]
    [InlineData(PostgresErrorCodes.SyntaxError)]
    [InlineData(PostgresErrorCodes.UndefinedTable)]
    public void An_error_about_the_request_itself_is_no_outage(string sqlState) =>
        Assert.Null(StoreOutage.Classify(Server(sqlState)));

    [Fact]
    public void A_connection_that_cannot_be_opened_or_broke_is_an_outage_and_an_exhausted_pool_is_busy()
    {
        Assert.Equal(StoreOutageKind.Unavailable, StoreOutage.Classify(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.Equal(StoreOutageKind.Unavailable, StoreOutage.Classify(new NpgsqlException("Exception while reading from stream", new EndOfStreamException())));
        Assert.Equal(StoreOutageKind.Busy, StoreOutage.Classify(new NpgsqlException("The connection pool has been exhausted", new TimeoutException())));
    }

    [Fact]
    public void A_deadlock_s_victim_may_be_sent_again_wrapped_or_not_and_nothing_else_may()
    {
        Assert.True(StoreOutage.IsDeadlock(Server(PostgresErrorCodes.DeadlockDetected)));
        Assert.True(StoreOutage.IsDeadlock(new DbUpdateException("saving failed", Server(PostgresErrorCodes.DeadlockDetected))));
        Assert.False(StoreOutage.IsDeadlock(new DbUpdateException("saving failed", Server(PostgresErrorCodes.UniqueViolation))));
        Assert.False(StoreOutage.IsDeadlock(new NpgsqlException("The connection pool has been exhausted", new TimeoutException())));
        Assert.False(StoreOutage.IsDeadlock(new InvalidOperationException("a bug")));
    }

    [Fact]
    public void The_driver_s_exception_is_found_inside_ef_core_s_and_anything_else_is_a_bug()
    {
        Assert.Equal(StoreOutageKind.Unavailable, StoreOutage.Classify(new DbUpdateException("saving failed", Server(PostgresErrorCodes.AdminShutdown))));
        Assert.Null(StoreOutage.Classify(new DbUpdateException("saving failed", Server(PostgresErrorCodes.UniqueViolation))));
        Assert.Null(StoreOutage.Classify(new InvalidOperationException("a bug")));
        Assert.Null(StoreOutage.Classify(new FormatException("a bug too")));
    }
}

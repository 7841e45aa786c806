using Npgsql;

namespace Wgig.Translate.Domain.Storage;

public enum StoreOutageKind
{
    /// <summary>Every connection of the pool stayed busy for longer than a caller waits, a statement ran out of time, or a deadlock's victim.</summary>
    Busy,

    /// <summary>The database cannot be reached, is shutting down or starting up, or dropped the connection.</summary>
    Unavailable,
}

/// <summary>
/// Tells an outage of the database from a bug: the one place that reads Npgsql's exceptions for it. An outage
/// is worth a retry a few seconds later (the web answers 503 with Retry-After); anything else is a fault of ours.
/// </summary>
public static class StoreOutage
{
    public static StoreOutageKind? Classify(Exception exception)
    {
        // EF Core and Identity wrap the driver's exception (DbUpdateException, InvalidOperationException).
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected }:
                    return StoreOutageKind.Busy; // chosen as a deadlock's victim: nothing was done, and a retry goes through
                case PostgresException postgres:
                    return IsOutage(postgres.SqlState) ? StoreOutageKind.Unavailable : null;
                case NpgsqlOperationInProgressException:
                    return null; // one connection used by two commands at once: our bug, not an outage
                case NpgsqlException { InnerException: TimeoutException }:
                    return StoreOutageKind.Busy;
                case NpgsqlException:
                    // Not an error the server sent: the connection could not be opened or broke (socket, stream, TLS).
                    return StoreOutageKind.Unavailable;
            }
        }
        return null;
    }

    /// <summary>
    /// Chosen as a deadlock's victim: the server rolled the transaction back, so nothing of it was written and the same
    /// writes may be sent again.
    /// </summary>
    public static bool IsDeadlock(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected })
            {
                return true;
            }
        }
        return false;
    }

    // Class 08: connection exceptions; 57P01-57P03: the server is shutting down, crashed, or not yet accepting
    // connections (a restart); class 53: out of connections, memory or disk.
    private static bool IsOutage(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
        || sqlState.StartsWith("53", StringComparison.Ordinal);
}

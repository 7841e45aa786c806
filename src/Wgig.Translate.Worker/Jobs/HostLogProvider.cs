using Hangfire.Logging;

namespace Wgig.Translate.Jobs;

/// <summary>
/// Hangfire's logging is process-wide while hosts come and go (the tests run many in one process): a log
/// provider bound to a host's logger factory outlives it. This one forwards to the host's loggers and,
/// once that host is gone, drops the message instead of failing the caller.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory loggers) : ILogProvider
{
    public ILog GetLogger(string name) => new ForwardingLog(loggers, name);

    private sealed class ForwardingLog(ILoggerFactory loggers, string name) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                var logger = loggers.CreateLogger(name);
                var level = logLevel switch
                {
                    Hangfire.Logging.LogLevel.Trace => Microsoft.Extensions.Logging.LogLevel.Trace,
                    Hangfire.Logging.LogLevel.Debug => Microsoft.Extensions.Logging.LogLevel.Debug,
                    Hangfire.Logging.LogLevel.Info => Microsoft.Extensions.Logging.LogLevel.Information,
                    Hangfire.Logging.LogLevel.Warn => Microsoft.Extensions.Logging.LogLevel.Warning,
                    Hangfire.Logging.LogLevel.Error => Microsoft.Extensions.Logging.LogLevel.Error,
                    _ => Microsoft.Extensions.Logging.LogLevel.Critical,
                };
                if (messageFunc is null)
                {
                    return logger.IsEnabled(level);
                }
#pragma warning disable CA2254 // Hangfire hands over finished messages, not templates.
                logger.Log(level, exception, messageFunc());
#pragma warning restore CA2254
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}

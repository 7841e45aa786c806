using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Worker.Tests.Jobs;

/// <summary>
/// The job settings out of their ranges stop a Worker from starting, with a message that names the setting and its range.
/// The check is the one a host runs as it starts (<see cref="IStartupValidator"/>, every ValidateOnStart).
/// </summary>
public sealed class JobSettingsTests
{
    public static TheoryData<string, string, string> OutOfRange => new()
    {
        { "Jobs:ProjectLockWait", "00:00:00", "ProjectLockWait must be between 00:00:01 and 01:00:00" },
        { "Jobs:ProjectLockWait", "01:00:01", "ProjectLockWait must be between 00:00:01 and 01:00:00" },
        { "Jobs:WorkerCount", "101", "WorkerCount must be between 1 and 100" },
        { "Jobs:WorkerCount", "0", "WorkerCount must be between 1 and 100" },
        { "Jobs:QueuePollInterval", "00:00:00.5", "QueuePollInterval must be between 00:00:01 and 01:00:00" },
        { "Jobs:InvisibilityTimeout", "01:00:01", "InvisibilityTimeout must be between 00:00:05 and 01:00:00" },
        { "Jobs:DistributedLockTimeout", "00:00:04", "DistributedLockTimeout must be between 00:00:05 and 01:00:00" },
        { "Jobs:QueuePollInterval", "01:00:01", "QueuePollInterval must be between 00:00:01 and 01:00:00" },
        { "Jobs:InvisibilityTimeout", "00:00:04", "InvisibilityTimeout must be between 00:00:05 and 01:00:00" },
        { "Jobs:DistributedLockTimeout", "02:00:00", "DistributedLockTimeout must be between 00:00:05 and 01:00:00" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void A_job_setting_out_of_its_range_stops_the_start_with_its_name_and_range(string key, string value, string expected)
    {
        using var services = Services(new() { [key] = value });

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_and_the_ends_of_each_range_pass_the_start()
    {
        using var defaults = Services([]);
        using var low = Services(new()
        {
            ["Jobs:ProjectLockWait"] = "00:00:01", ["Jobs:WorkerCount"] = "1", ["Jobs:QueuePollInterval"] = "00:00:01",
            ["Jobs:InvisibilityTimeout"] = "00:00:05", ["Jobs:DistributedLockTimeout"] = "00:00:05",
        });
        using var high = Services(new()
        {
            ["Jobs:ProjectLockWait"] = "01:00:00", ["Jobs:WorkerCount"] = "100", ["Jobs:QueuePollInterval"] = "01:00:00",
            ["Jobs:InvisibilityTimeout"] = "01:00:00", ["Jobs:DistributedLockTimeout"] = "01:00:00",
        });

        defaults.GetRequiredService<IStartupValidator>().Validate();
        low.GetRequiredService<IStartupValidator>().Validate();
        high.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(100, high.GetRequiredService<IOptions<Wgig.Translate.Worker.Jobs.JobOptions>>().Value.WorkerCount);
    }

    // The Worker's registrations; nothing here opens a connection.
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["ConnectionStrings:Translation"] = "Host=unused", ["DataProtection:KeyRingKey"] = TestDatabase.KeyRingKey,
                })
                .AddInMemoryCollection(settings)
                .Build())
            .AddLogging();
        services.AddWorkerServices();
        return services.BuildServiceProvider();
    }
}

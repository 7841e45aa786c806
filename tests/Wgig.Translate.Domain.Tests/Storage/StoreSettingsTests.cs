using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Domain.Tests.Storage;

/// <summary>
/// The store's connection settings: prepared statements and a pool that shrinks back soon after a burst, unless the
/// connection string says otherwise (an operator behind a pooler turns preparing off; one with other needs sets the idle
/// lifetime). Nothing is connected: the data source is only built.
/// </summary>
public sealed class StoreSettingsTests
{
    private static NpgsqlConnectionStringBuilder SettingsFor(string connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Translation"] = connectionString }).Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddTranslationStore().BuildServiceProvider();
        return new NpgsqlConnectionStringBuilder(provider.GetRequiredService<NpgsqlDataSource>().ConnectionString);
    }

    [Fact]
    public void Without_settings_of_its_own_the_store_prepares_statements_and_closes_connections_idle_for_half_a_minute()
    {
        var settings = SettingsFor("Host=localhost;Database=wgig");

        Assert.Equal((50, 30, 5), (settings.MaxAutoPrepare, settings.ConnectionIdleLifetime, settings.ConnectionPruningInterval));
    }

    [Fact]
    public void The_process_names_its_connections_unless_the_connection_string_does()
    {
        Assert.Equal(System.Reflection.Assembly.GetEntryAssembly()!.GetName().Name, SettingsFor("Host=localhost;Database=wgig").ApplicationName);
        Assert.Equal("reporting", SettingsFor("Host=localhost;Database=wgig;Application Name=reporting").ApplicationName);
    }

    [Theory]
    [InlineData("Host=localhost;Database=wgig;Max Auto Prepare=0", 0, 30, 5)]
    [InlineData("Host=localhost;Database=wgig;maxautoprepare=7", 7, 30, 5)]
    [InlineData("Host=localhost;Database=wgig;Connection Idle Lifetime=300", 50, 300, 10)]
    [InlineData("Host=localhost;Database=wgig;Connection Idle Lifetime=120;Connection Pruning Interval=20", 50, 120, 20)]
    public void A_setting_the_connection_string_gives_is_kept(string connectionString, int prepared, int idleLifetime, int pruningInterval)
    {
        var settings = SettingsFor(connectionString);

        Assert.Equal((prepared, idleLifetime, pruningInterval), (settings.MaxAutoPrepare, settings.ConnectionIdleLifetime, settings.ConnectionPruningInterval));
    }
}

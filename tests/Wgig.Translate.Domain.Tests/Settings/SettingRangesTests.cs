using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Memory;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Suggestions;

namespace Wgig.Translate.Domain.Tests.Settings;

/// <summary>
/// The Domain's settings out of their ranges stop a host as it starts (<see cref="IStartupValidator"/>, every
/// ValidateOnStart), with a message that names the setting and its range; the defaults and the ends of the ranges pass.
/// </summary>
public sealed class SettingRangesTests
{
    public static TheoryData<string, string, string> OutOfRange => new()
    {
        { "Claims:DefaultBatchWords", "0", "DefaultBatchWords must be between 1 and 100000" },
        { "Claims:DefaultBatchWords", "100001", "DefaultBatchWords must be between 1 and 100000" },
        { "Claims:PauseAfterLapses", "0", "PauseAfterLapses must be between 1 and 1000" },
        { "Claims:MaxOpenWords", "1000001", "MaxOpenWords must be between 1 and 1000000" },
        { "Documents:MaxUploadBytes", "0", "MaxUploadBytes must be between 1 and 1073741824" },
        { "Memory:MinimumScore", "29", "MinimumScore must be between 30 and 100" },
        { "Memory:MaxMatches", "51", "MaxMatches must be between 1 and 50" },
        { "Memory:Candidates", "0", "Candidates must be between 1 and 200" },
        { "Memory:TrigramThreshold", "1.5", "TrigramThreshold must be between" },
        { "Memory:TrigramThreshold", "0.09", "TrigramThreshold must be between" },
        { "Memory:MaxMatches", "0", "MaxMatches must be between 1 and 50" },
        { "Memory:Candidates", "201", "Candidates must be between 1 and 200" },
        { "Memory:MinimumScore", "101", "MinimumScore must be between 30 and 100" },
        { "Claims:PauseAfterLapses", "1001", "PauseAfterLapses must be between 1 and 1000" },
        { "Claims:MaxOpenWords", "0", "MaxOpenWords must be between 1 and 1000000" },
        { "Documents:MaxUploadBytes", "1073741825", "MaxUploadBytes must be between 1 and 1073741824" },
        { "Memory:FuzzyBudget", "00:00:00.001", "FuzzyBudget must be between 00:00:00.0100000 and 00:00:10" },
        { "Memory:FuzzyBudget", "00:00:11", "FuzzyBudget must be between 00:00:00.0100000 and 00:00:10" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void A_setting_out_of_its_range_stops_the_start_with_its_name_and_range(string key, string value, string expected)
    {
        using var services = Services(new() { [key] = value });

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_and_the_ends_of_each_range_pass()
    {
        using var defaults = Services([]);
        using var ends = Services(new()
        {
            ["Claims:DefaultBatchWords"] = "100000", ["Claims:PauseAfterLapses"] = "1", ["Claims:MaxOpenWords"] = "1",
            ["Documents:MaxUploadBytes"] = "1073741824",
            ["Memory:MinimumScore"] = "30", ["Memory:MaxMatches"] = "50", ["Memory:Candidates"] = "1",
            ["Memory:TrigramThreshold"] = "1", ["Memory:FuzzyBudget"] = "00:00:00.010",
        });

        defaults.GetRequiredService<IStartupValidator>().Validate();
        ends.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(100_000, ends.GetRequiredService<IOptions<ClaimOptions>>().Value.DefaultBatchWords);
        Assert.Equal(TimeSpan.FromMilliseconds(10), ends.GetRequiredService<IOptions<MemoryOptions>>().Value.FuzzyBudget);
    }

    // The registrations as the API and the Worker make them; nothing here opens a connection.
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Translation"] = "Host=unused" })
                .AddInMemoryCollection(settings)
                .Build())
            .AddLogging();
        services.AddTranslationStore();
        services.AddDocumentImport();
        services.AddClaims();
        services.AddTranslationAids();
        return services.BuildServiceProvider();
    }
}

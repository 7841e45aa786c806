using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Domain.Tests.Documents;

[Trait("Needs", "PostgreSQL")]
public sealed class UnstorableCharactersTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public void Each_unstorable_character_is_found_with_its_line_and_column()
    {
        var found = TextRules.Unstorable("a\u0001\nb\uFFFE\r\n\uD800x\uD83D\uDE00\0").ToList();

        Assert.Equal([(2, 1, 2, "U+0001"), (5, 2, 2, "U+FFFE"), (8, 3, 1, "U+D800"), (12, 3, 5, "U+0000")], found);
    }

    [Fact]
    public void A_report_lists_the_first_hundred_and_counts_them_all()
    {
        var replaced = Replacements.InText(new string('\u0001', 250), new byte[250]).Replaced;

        Assert.Equal((250, Replacements.MaxListed), (replaced.Count, replaced.Listed.Count));
        Assert.Equal(new CharacterReplacement("U+0001", 100, 1, 100), replaced.Listed[^1]);
    }

    [Theory]
    [InlineData(null, UnstorableCharacters.Refuse)]
    [InlineData("", UnstorableCharacters.Refuse)]
    [InlineData(" REFUSE ", UnstorableCharacters.Refuse)]
    [InlineData("replace", UnstorableCharacters.Replace)]
    public void The_upload_option_reads_refuse_or_replace(string? value, UnstorableCharacters expected) =>
        Assert.Equal(expected, UnstorableCharactersOption.Parse(value).Value);

    [Fact]
    public async Task A_repository_file_is_refused_even_when_replacement_is_asked_for()
    {
        await database.ResetAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        await using var services = DomainServices.Build(database, clock);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TranslationDb>();
        var project = Project.Create("Synced", "en", ["fr"], clock.GetUtcNow()).Value!;
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        var before = await database.SnapshotAsync();

        var imported = await scope.ServiceProvider.GetRequiredService<DocumentImport>().ImportNewAsync(project.Id,
            new DocumentUpload("a.md", null, "The group\u0001 met.\n"u8.ToArray(), CommitSha: new string('a', 40), Unstorable: UnstorableCharacters.Replace),
            CancellationToken.None);

        var refused = Assert.IsType<UnstorableInDocument>(imported.Error);
        Assert.False(refused.MayReplace);
        Assert.Contains("Correct the file where it comes from", refused.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await database.SnapshotAsync());
    }
}

using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Domain.Tests.Storage;

[Trait("Needs", "PostgreSQL")]
public sealed class TargetStorageTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_target_and_its_history_survive_a_round_trip_and_a_source_update_is_recorded()
    {
        await database.ResetAsync();
        await using var services = DomainServices.Build(database, _clock);
        Guid projectId, documentId, segmentId;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TranslationDb>();
            var project = Project.Create("Stored", "en", ["fr"], _clock.GetUtcNow()).Value!;
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            var document = (await scope.ServiceProvider.GetRequiredService<DocumentImport>()
                .ImportNewAsync(project.Id, new DocumentUpload("a.md", null, "The group met twice.\n"u8.ToArray()), CancellationToken.None)).Value!;
            (projectId, documentId, segmentId) = (project.Id, document.Id, document.Segments.Single().Id);

            var target = await db.Targets.SingleAsync(t => t.SegmentId == segmentId && t.Language == "fr");
            TestWork.Approve(db, target, Guid.NewGuid(), Guid.NewGuid(), SegmentContent.FromText("Le groupe s’est réuni deux fois."),
                document.Segments.Single().Content, _clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DocumentImport>().ImportVersionAsync(projectId, documentId,
                new DocumentUpload("a.md", null, "The group met three times.\n"u8.ToArray()), CancellationToken.None);
        }

        await using var check = database.OpenStore();
        var stored = await check.Targets.Include(t => t.History).SingleAsync();
        Assert.Equal((TargetState.NeedsUpdate, "Le groupe s’est réuni deux fois."), (stored.State, stored.Text));
        Assert.Equal([TargetEventKind.Claimed, TargetEventKind.Submitted, TargetEventKind.Approved, TargetEventKind.SourceChanged],
            stored.History.OrderBy(e => e.Sequence).Select(e => e.Kind));
    }
}

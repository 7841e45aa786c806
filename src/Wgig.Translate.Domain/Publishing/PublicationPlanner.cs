using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Credits;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Xliff;

namespace Wgig.Translate.Domain.Publishing;

/// <summary>What one publication writes, and how its commit and pull request read.</summary>
public sealed record PublicationPlan(IReadOnlyList<FileToWrite> Files, IReadOnlyList<PublishedFile> Published, IReadOnlyList<LeftOut> LeftOut,
    string Message, string Marker, string PullRequestTitle, string PullRequestBody);

/// <summary>
/// Plans a publication: every requested document × language whose segments are all approved is rendered in
/// its source format (and as XLIFF 2 when the project asks) at its target path; any other is left out with
/// the reason, so untranslated or unreviewed text never reaches the repository. The commit message names
/// the files and credits every translator and reviewer with a Co-authored-by trailer (their own e-mail if
/// they chose so, else a no-reply address), and ends with a marker trailer a retry recognises.
/// </summary>
public sealed class PublicationPlanner(TranslationDb db, DocumentExport export, XliffExport xliff)
{
    public const string MarkerTrailer = "Wgig-Publication";

    public async Task<PublicationPlan> PlanAsync(Publication publication, RepositoryConnection connection, Project project, CancellationToken cancellationToken)
    {
        var documents = await db.Documents.AsNoTracking()
            .Where(d => d.ProjectId == publication.ProjectId && (publication.DocumentIds.Count == 0 || publication.DocumentIds.Contains(d.Id)))
            .OrderBy(d => d.Path).ToListAsync(cancellationToken);
        var files = new List<FileToWrite>();
        var published = new List<PublishedFile>();
        var leftOut = new List<LeftOut>();
        var translators = new Dictionary<Guid, Contributor>();
        var reviewers = new Dictionary<Guid, Contributor>();
        var rows = new List<string>();
        foreach (var document in documents)
        {
            foreach (var language in publication.Languages)
            {
                var rendered = await export.ExportAsync(project.Id, document.Id, language, approvedOnly: true, cancellationToken);
                if (!rendered.Succeeded)
                {
                    leftOut.Add(new LeftOut(document.Id, document.Path, language, rendered.Error.Detail));
                    continue;
                }
                var total = rendered.Value.TranslatedSegments + rendered.Value.SourceSegments;
                if (!PublishGate.ApprovedInFull(rendered.Value.TranslatedSegments, total))
                {
                    leftOut.Add(new LeftOut(document.Id, document.Path, language,
                        $"{rendered.Value.TranslatedSegments} of {total} segments approved; a translation is published when all are"));
                    continue;
                }
                var path = connection.TargetPath(document.Path, language);
                files.Add(new FileToWrite(path, rendered.Value.Content));
                published.Add(new PublishedFile(path, document.Id, language, total));
                if (connection.PublishXliff)
                {
                    var options = new XliffExportOptions(language, "2.0");
                    var plan = await xliff.PlanAsync(project.Id, document.Id, options, cancellationToken);
                    if (plan.Succeeded)
                    {
                        using var buffer = new MemoryStream();
                        await xliff.WriteAsync(plan.Value, options, buffer, cancellationToken);
                        var xliffPath = Path.ChangeExtension(path, ".xlf");
                        files.Add(new FileToWrite(xliffPath, buffer.ToArray()));
                        published.Add(new PublishedFile(xliffPath, document.Id, language, total, Xliff: true));
                    }
                }
                var credits = (await ContributorCredits.ForAsync(db, project.Id, document.Id, language, cancellationToken)).Value!;
                foreach (var translator in credits.Translators)
                {
                    translators.TryAdd(translator.AccountId, translator);
                }
                foreach (var reviewer in credits.Reviewers)
                {
                    reviewers.TryAdd(reviewer.AccountId, reviewer);
                }
                rows.Add($"| `{path}` | {language} | {total} | {Names(credits.Translators)} | {Names(credits.Reviewers)} |");
            }
        }

        var marker = $"{MarkerTrailer}: {publication.Id}";
        var languages = string.Join(", ", publication.Languages);
        var subject = $"Publish {project.Name} translations ({languages})";
        var message = new StringBuilder().Append(subject).Append("\n\n")
            .Append(CultureInfo.InvariantCulture, $"Publication {publication.Number} of approved translations by Wgig.Translate:\n");
        foreach (var file in published)
        {
            message.Append(CultureInfo.InvariantCulture, $"- {file.Path} ({file.Language}, {file.Segments} segments)\n");
        }
        message.Append('\n');
        foreach (var line in await TrailersAsync([.. translators.Keys.Concat(reviewers.Keys).Distinct()], cancellationToken))
        {
            message.Append(line).Append('\n');
        }
        message.Append(marker).Append('\n');

        var body = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Approved translations of **{project.Name}** in {languages}, publication {publication.Number}.\n\n")
            .Append("| file | language | segments | translators | reviewers |\n|---|---|---:|---|---|\n");
        foreach (var row in rows)
        {
            body.Append(row).Append('\n');
        }
        if (leftOut.Count > 0)
        {
            body.Append("\nNot published yet:\n");
            foreach (var left in leftOut)
            {
                body.Append(CultureInfo.InvariantCulture, $"- `{left.Path}` ({left.Language}): {left.Reason}\n");
            }
        }
        return new PublicationPlan(files, published, leftOut, message.ToString(), marker, subject, body.ToString());
    }

    private static string Names(IReadOnlyList<Contributor> contributors) =>
        contributors.Count == 0 ? "–" : string.Join(", ", contributors.Select(c => c.DisplayName));

    // "Co-authored-by: Name <e-mail>", in name order; no-reply unless the contributor chose to show their own.
    private async Task<List<string>> TrailersAsync(List<Guid> accountIds, CancellationToken cancellationToken)
    {
        var people = await db.Users.AsNoTracking().Where(a => accountIds.Contains(a.Id))
            .Select(a => new { a.Id, a.DisplayName, a.Email, Show = db.VolunteerProfiles.Any(p => p.AccountId == a.Id && p.ShowEmailInCredits) })
            .ToListAsync(cancellationToken);
        return [.. people.OrderBy(p => p.DisplayName, StringComparer.Ordinal).ThenBy(p => p.Id).Select(p =>
        {
            var name = p.DisplayName.Replace('<', ' ').Replace('>', ' ').Replace('\n', ' ').Trim();
            var email = p.Show && !string.IsNullOrEmpty(p.Email) ? p.Email : $"{p.Id:N}@users.noreply.wgig-translate.org";
            return $"Co-authored-by: {name} <{email}>";
        })];
    }
}

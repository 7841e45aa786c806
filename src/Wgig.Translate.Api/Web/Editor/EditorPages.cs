using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Wgig.Translate.Api.Web.Shell;
using Wgig.Translate.Domain.Comments;
using Wgig.Translate.Domain.Checks;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Targets;
using Wgig.Translate.Domain.Xliff;

namespace Wgig.Translate.Api.Web.Editor;

/// <summary>
/// The translation editor of one document × language, and what its forms post: a segment's submission
/// or draft, an autosave, a comment, an XLIFF upload. Without a script every form posts and the page
/// comes back (at the next segment); with one, the same endpoints answer with the fragment to swap in.
/// </summary>
public static class EditorPages
{
    public static RouteGroupBuilder MapEditorPages(this RouteGroupBuilder web)
    {
        var editor = web.MapGroup("/projects/{projectId:guid}/documents/{documentId:guid}/{language}");
        editor.MapGet("/", Show);
        editor.MapPost("/segments/{segmentId:guid}", Write);
        editor.MapPost("/segments/{segmentId:guid}/draft", Autosave);
        editor.MapGet("/segments/{segmentId:guid}", Segment);
        editor.MapPost("/segments/{segmentId:guid}/comments", Comment);
        editor.MapPost("/xliff", UploadXliff);
        return web;
    }

    private static async Task<IResult> Show(Guid projectId, Guid documentId, string language, string? filter, string? q, int? page, Guid? segment,
        HttpContext http, PageContexts pages, EditorReader reader, CancellationToken cancellationToken)
    {
        var context = await pages.ForAsync(http);
        var view = await reader.ReadAsync(http, context, projectId, documentId, language, EditorReader.Query(filter, q, page), page is not null, segment,
            new Dictionary<Guid, TypedRow>(), FormErrors.None, cancellationToken);
        return view.Succeeded ? WebResults.Render<EditorPage>(new { Page = context, View = view.Value }) : WebResults.Error(context, view.Error);
    }

    /// <summary>Submit (or, without a script, save as a draft) one segment's translation.</summary>
    private static async Task<IResult> Write(Guid projectId, Guid documentId, string language, Guid segmentId, [FromForm] string? action,
        [FromForm] string? text, [FromForm] string? version, [FromForm] string? filter, [FromForm] string? q,
        [FromForm] int? page, HttpContext http, PageContexts pages, EditorReader reader, TranslationWork work, IStringLocalizer<EditorText> t,
        IStringLocalizer<ShellText> shell, CancellationToken cancellationToken)
    {
        var context = await pages.ForAsync(http);
        var found = await work.FindAsync(projectId, documentId, segmentId, language, context.Me, LanguageRight.Translate, cancellationToken);
        if (!found.Succeeded)
        {
            return http.Request.WantsPartial()
                ? Results.Text(WebErrors.Describe(found.Error, shell), statusCode: Problems.DomainErrorResults.StatusFor(found.Error))
                : WebResults.Error(context, found.Error);
        }
        var translation = found.Value;
        var place = new EditorPlace(projectId, documentId, translation.Language, EditorReader.Query(filter, q, page));
        var draft = action == "draft";
        var (content, tokenError) = TokenText.Parse(text, translation.Segment.Content);
        TypedRow? refused = null;
        if (tokenError is not null)
        {
            refused = new TypedRow(text ?? "", Describe(tokenError, t));
        }
        else
        {
            var done = draft
                ? await work.SaveDraftAsync(translation, content!, version, cancellationToken)
                : await work.SubmitAsync(translation, content!, version, Acknowledged(http.Request.Form), cancellationToken);
            if (done.Succeeded)
            {
                return await WrittenAsync(http, context, place, done.Value, draft, reader, cancellationToken);
            }
            refused = done.Error switch
            {
                TranslationChanged changed => new TypedRow(text ?? "", WebErrors.Describe(done.Error, shell), Theirs: Current(changed.Current),
                    TheirVersion: changed.Current.Version),
                // The checks' refusal: their findings are listed in the row; warnings come with a box to hand it in anyway.
                ChecksFailed failed => new TypedRow(text ?? "", t["Checks.Blocked"], failed.Report),
                WarningsNotAcknowledged warned => new TypedRow(text ?? "", t["Checks.Warned"], warned.Report),
                _ => new TypedRow(text ?? "", WebErrors.Describe(done.Error, shell)),
            };
            translation = done.Error is TranslationChanged again ? again.Current : translation;
            var status = Problems.DomainErrorResults.StatusFor(done.Error);
            return await RefusedAsync(http, context, place, translation, refused, reader, status, cancellationToken);
        }
        return await RefusedAsync(http, context, place, translation, refused, reader, StatusCodes.Status400BadRequest, cancellationToken);
    }

    /// <summary>
    /// The autosave of a script: the draft as typed so far. Answers the new version and lease end in headers
    /// (and "saved at" as text); a conflict answers both versions as a fragment, never overwriting.
    /// </summary>
    private static async Task<IResult> Autosave(Guid projectId, Guid documentId, string language, Guid segmentId, [FromForm] string? text,
        [FromForm] string? version, HttpContext http, PageContexts pages, TranslationWork work, IStringLocalizer<EditorText> t,
        IStringLocalizer<ShellText> shell, TimeProvider clock, CancellationToken cancellationToken)
    {
        var context = await pages.ForAsync(http);
        var found = await work.FindAsync(projectId, documentId, segmentId, language, context.Me, LanguageRight.Translate, cancellationToken);
        if (!found.Succeeded)
        {
            return Results.Text(WebErrors.Describe(found.Error, shell), statusCode: Problems.DomainErrorResults.StatusFor(found.Error));
        }
        var (content, tokenError) = TokenText.Parse(text, found.Value.Segment.Content);
        if (tokenError is not null)
        {
            return Results.Text(Describe(tokenError, t), statusCode: StatusCodes.Status400BadRequest);
        }
        var saved = await work.SaveDraftAsync(found.Value, content!, version, cancellationToken);
        if (saved.Error is TranslationChanged changed)
        {
            http.Response.Headers.ETag = $"\"{changed.Current.Version}\"";
            return WebResults.Fragment<ConflictBox>(context, new { Yours = text ?? "", Theirs = Current(changed.Current), Source = found.Value.Segment.Content },
                StatusCodes.Status409Conflict);
        }
        if (!saved.Succeeded)
        {
            return Results.Text(WebErrors.Describe(saved.Error, shell), statusCode: Problems.DomainErrorResults.StatusFor(saved.Error));
        }
        http.Response.Headers.ETag = $"\"{saved.Value.Version}\"";
        if (saved.Value.Target?.ClaimExpiresAt is { } expires)
        {
            http.Response.Headers["Wgig-Lease-Expires"] = Formats.Iso(expires);
        }
        return Results.Text(t["Row.DraftSaved", Formats.Time(clock.GetUtcNow(), context)]);
    }

    private static async Task<IResult> Segment(Guid projectId, Guid documentId, string language, Guid segmentId, string? filter, string? q, int? page,
        HttpContext http, PageContexts pages, EditorReader reader, CancellationToken cancellationToken)
    {
        var context = await pages.ForAsync(http);
        var place = new EditorPlace(projectId, documentId, language, EditorReader.Query(filter, q, page));
        var panel = await reader.PanelAsync(http, context, place, segmentId, FormErrors.None, null, cancellationToken);
        if (!panel.Succeeded)
        {
            return WebResults.Error(context, panel.Error);
        }
        return http.Request.WantsPartial()
            ? WebResults.Fragment<SegmentPanel>(context, new { View = panel.Value })
            : WebResults.Render<SegmentDetailPage>(new { Page = context, View = panel.Value });
    }

    private static async Task<IResult> Comment(Guid projectId, Guid documentId, string language, Guid segmentId, [FromForm] string? text,
        [FromForm] string? toCoordinators, [FromForm] string? filter, [FromForm] string? q, [FromForm] int? page, HttpContext http, PageContexts pages,
        EditorReader reader, TranslationWork work, CommentThreads threads, Domain.Storage.TranslationDb db, IStringLocalizer<EditorText> t,
        CancellationToken cancellationToken)
    {
        var context = await pages.ForAsync(http);
        var place = new EditorPlace(projectId, documentId, language, EditorReader.Query(filter, q, page));
        var hidden = await WebAccess.ProjectProblemAsync(db, http, projectId);
        var found = hidden is null ? await work.FindAsync(projectId, documentId, segmentId, language, context.Me, null, cancellationToken) : hidden;
        if (!found.Succeeded)
        {
            return WebResults.Error(context, found.Error);
        }
        var posted = await threads.PostAsync(found.Value, text, toCoordinators == "on", cancellationToken);
        var errors = posted.Succeeded ? FormErrors.None
            : new FormErrors().Add("comment-text", (text?.Trim().Length ?? 0) == 0 ? t["Panel.Comment.Empty"] : t["Panel.Comment.TooLong", Domain.Comments.Comment.MaxLength]);
        if (posted.Succeeded && !http.Request.WantsPartial())
        {
            return WebResults.SeeOther($"{(place with { Language = found.Value.Language }).SegmentUrl(segmentId)}#comment-{posted.Value.Id}");
        }
        var panel = await reader.PanelAsync(http, context, place with { Language = found.Value.Language }, segmentId, errors,
            posted.Succeeded ? null : text, cancellationToken);
        var status = posted.Succeeded ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        return http.Request.WantsPartial()
            ? WebResults.Fragment<SegmentPanel>(context, new { View = panel.Value! }, status)
            : WebResults.Render<SegmentDetailPage>(new { Page = context, View = panel.Value! }, status);
    }

    /// <summary>A translated XLIFF of the volunteer's batch, applied unit by unit; the report says what became of each.</summary>
    private static async Task<IResult> UploadXliff(Guid projectId, Guid documentId, string language, IFormFile? file, [FromForm] string? acknowledgeWarnings,
        HttpContext http, PageContexts pages,
        XliffImport import, Microsoft.Extensions.Options.IOptions<Domain.Documents.DocumentLimits> limits, Domain.Storage.TranslationDb db,
        IStringLocalizer<EditorText> t, IStringLocalizer<ShellText> shell, CancellationToken cancellationToken)
    {
        var context = await pages.ForAsync(http);
        if (await WebAccess.ProjectProblemAsync(db, http, projectId) is { } hidden)
        {
            return WebResults.Error(context, hidden);
        }
        var place = new EditorPlace(projectId, documentId, language, new SegmentListQuery());
        if (file is null || file.Length == 0)
        {
            return WebResults.Render<XliffReportPage>(new { Page = context, Place = place, Errors = new FormErrors().Add("file", t["Xliff.Error.NoFile"]) },
                StatusCodes.Status400BadRequest);
        }
        if (file.Length > limits.Value.MaxUploadBytes)
        {
            return WebResults.Render<XliffReportPage>(new
            {
                Page = context, Place = place,
                Errors = new FormErrors().Add("file", t["Xliff.Error.TooLarge", Formats.Number((int)(limits.Value.MaxUploadBytes / 1024 / 1024), context)]),
            }, StatusCodes.Status413PayloadTooLarge);
        }
        await using var content = file.OpenReadStream();
        var report = await import.ApplyAsync(projectId, documentId, language, context.Me, content, acknowledgeWarnings == "on", cancellationToken);
        if (!report.Succeeded)
        {
            return WebResults.Render<XliffReportPage>(new { Page = context, Place = place, Errors = new FormErrors().Add("file", WebErrors.Describe(report.Error, shell)) },
                Problems.DomainErrorResults.StatusFor(report.Error));
        }
        var ids = report.Value.Units.Select(u => u.SegmentId).OfType<Guid>().ToList();
        var numbers = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToDictionaryAsync(
            db.Segments.Where(s => ids.Contains(s.Id)), s => s.Id, cancellationToken);
        return WebResults.Render<XliffReportPage>(new
        {
            Page = context,
            Place = place with { Language = report.Value.Language },
            Report = report.Value,
            Segments = (IReadOnlyDictionary<Guid, Domain.Documents.Segment>)numbers,
            Errors = FormErrors.None,
        });
    }

    private static async Task<IResult> WrittenAsync(HttpContext http, PageContext context, EditorPlace place, TranslationContext written, bool draft,
        EditorReader reader, CancellationToken cancellationToken)
    {
        if (http.Request.WantsPartial())
        {
            http.Response.Headers.ETag = $"\"{written.Version}\"";
            var names = await reader.NamesAsync([written.Target?.TranslatorId, written.Target?.ClaimedBy], cancellationToken);
            return WebResults.Fragment<SegmentRow>(context, new
            {
                Place = place, Row = new ListedSegment(written.Segment, written.Target), Names = names, SourceLanguage = written.Place.Project.SourceLanguage,
                Now = reader.Now, CanTranslate = true,
            });
        }
        var next = draft ? written.Segment.Id : await reader.NextMineAsync(written.Place, context.Me, written.Segment, cancellationToken);
        return WebResults.SeeOther(next is { } segment ? place.With(segment: segment) : place.With());
    }

    private static async Task<IResult> RefusedAsync(HttpContext http, PageContext context, EditorPlace place, TranslationContext translation, TypedRow typed,
        EditorReader reader, int status, CancellationToken cancellationToken)
    {
        if (http.Request.WantsPartial())
        {
            var names = await reader.NamesAsync([translation.Target?.TranslatorId, translation.Target?.ClaimedBy], cancellationToken);
            return WebResults.Fragment<SegmentRow>(context, new
            {
                Place = place, Row = new ListedSegment(translation.Segment, translation.Target), Names = names,
                SourceLanguage = translation.Place.Project.SourceLanguage, Now = reader.Now, Typed = typed, CanTranslate = true,
            }, status);
        }
        var errors = new FormErrors().Add($"t-{translation.Segment.Id}", typed.Error!);
        var view = await reader.ReadAsync(http, context, place.ProjectId, place.DocumentId, place.Language, place.Query, pageGiven: false, translation.Segment.Id,
            new Dictionary<Guid, TypedRow> { [translation.Segment.Id] = typed }, errors, cancellationToken);
        return view.Succeeded ? WebResults.Render<EditorPage>(new { Page = context, View = view.Value }, status) : WebResults.Error(context, view.Error);
    }

    private static SegmentContent? Current(TranslationContext current) =>
        current.Target is not { } target ? null
        : target.Draft is { } draft && target.ClaimedBy == current.Caller ? new SegmentContent(draft, current.Segment.Content.Codes)
        : target.ContentFor(current.Segment.Content);

    // The warnings the volunteer ticked to hand the translation in with (one "acknowledge" box per check).
    private static List<string> Acknowledged(IFormCollection form) => [.. form["acknowledge"].OfType<string>()];

    private static string Describe(TokenError error, IStringLocalizer<EditorText> t) => t[$"Row.Token.{error.Problem}", error.Token];
}

using System.Globalization;
using Microsoft.Extensions.Localization;
using Wgig.Translate.Api.Web.Shell;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Profiles;

namespace Wgig.Translate.Api.Web.Account;

public sealed record LanguageRow(string Tag, string Level);

public sealed record WindowRow(string Day, string From, string To);

/// <summary>The profile form as typed (kept as text, so a mistake is shown back exactly as it was written).</summary>
public sealed record ProfileForm(string InterfaceLanguage, IReadOnlyList<LanguageRow> Languages, string Capacity, string TimeZone,
    IReadOnlyList<WindowRow> Windows, string Mail, bool ShowEmailInCredits)
{
    /// <summary>Empty rows offered after the filled ones, for adding without a script.</summary>
    public const int SpareRows = 2;

    public static ProfileForm From(VolunteerProfile profile) => new(
        profile.InterfaceLanguage ?? "",
        [.. profile.Languages.Select(l => new LanguageRow(l.Language, l.Level.ToString()))],
        profile.CapacityWordsPerWeek == 0 ? "" : profile.CapacityWordsPerWeek.ToString(CultureInfo.InvariantCulture),
        profile.TimeZone,
        [.. profile.Availability.Select(w => new WindowRow(w.Day.ToString(), w.From.ToString("HH:mm", CultureInfo.InvariantCulture), w.To.ToString("HH:mm", CultureInfo.InvariantCulture)))],
        profile.Mail.ToString(),
        profile.ShowEmailInCredits);

    public static ProfileForm Read(IFormCollection form)
    {
        var tags = form["language"];
        var levels = form["level"];
        var days = form["day"];
        var froms = form["from"];
        var tos = form["to"];
        return new ProfileForm(
            form["interfaceLanguage"].ToString(),
            [.. Enumerable.Range(0, tags.Count).Select(i => new LanguageRow(tags[i]?.Trim() ?? "", i < levels.Count ? levels[i] ?? "" : ""))
                .Where(r => r.Tag.Length > 0)],
            form["capacity"].ToString().Trim(),
            form["timeZone"].ToString(),
            [.. Enumerable.Range(0, days.Count).Select(i => new WindowRow(days[i] ?? "", i < froms.Count ? froms[i] ?? "" : "", i < tos.Count ? tos[i] ?? "" : ""))
                .Where(w => w.Day.Length > 0 || w.From.Length > 0 || w.To.Length > 0)],
            form["mail"].ToString(),
            form["showEmailInCredits"] == "on");
    }

    /// <summary>Applies the form through the profile's own rules; every problem is reported at its field.</summary>
    public FormErrors ApplyTo(VolunteerProfile profile, DateTimeOffset now, IStringLocalizer<AccountText> text)
    {
        var errors = new FormErrors();
        var languages = new List<ProfileLanguage>();
        for (var i = 0; i < Languages.Count; i++)
        {
            if (!Enum.TryParse<LanguageLevel>(Languages[i].Level, out var level) || !Enum.IsDefined(level))
            {
                errors.Add($"level-{i}", text["Profile.Error.Level", Languages[i].Tag]);
                continue;
            }
            languages.Add(new ProfileLanguage(Languages[i].Tag, level));
        }
        int? capacity = null;
        if (Capacity.Length > 0)
        {
            if (int.TryParse(Capacity, NumberStyles.Integer, CultureInfo.InvariantCulture, out var words))
            {
                capacity = words;
            }
            else
            {
                errors.Add("capacity", text["Profile.Error.Capacity"]);
            }
        }
        var windows = new List<AvailabilityWindow>();
        for (var i = 0; i < Windows.Count; i++)
        {
            var window = Windows[i];
            if (!Enum.TryParse<DayOfWeek>(window.Day, out var day) || !TimeOnly.TryParse(window.From, CultureInfo.InvariantCulture, out var from)
                || !TimeOnly.TryParse(window.To, CultureInfo.InvariantCulture, out var to))
            {
                errors.Add($"day-{i}", text["Profile.Error.Window"]);
                continue;
            }
            windows.Add(new AvailabilityWindow(day, from, to));
        }
        if (errors.Any)
        {
            return errors;
        }
        if (profile.Update(languages, capacity, TimeZone, windows, now) is InvalidInputError invalid)
        {
            foreach (var field in invalid.Errors.Keys)
            {
                var (id, key) = field switch
                {
                    "languages" => ("language-0", "Profile.Error.Languages"),
                    "capacityWordsPerWeek" => ("capacity", "Profile.Error.CapacityRange"),
                    "timeZone" => ("timeZone", "Profile.Error.TimeZone"),
                    _ => ("day-0", "Profile.Error.Window"),
                };
                errors.Add(id, text[key]);
            }
            return errors;
        }
        if (Enum.TryParse<MailPreference>(Mail, out var mail) && Enum.IsDefined(mail))
        {
            profile.ChooseMail(mail, now);
        }
        profile.ChooseCreditEmail(ShowEmailInCredits, now);
        if (profile.ChooseInterfaceLanguage(InterfaceLanguage, now) is not null)
        {
            errors.Add("interfaceLanguage", text["Profile.Error.InterfaceLanguage"]);
        }
        return errors;
    }
}

/// <summary>Everything the profile page shows.</summary>
/// <param name="NewToken">A token issued just now: its secret is shown this once.</param>
public sealed record ProfileView(ProfileForm Form, bool Paused, string? PausedReason, IReadOnlyList<ApiToken> Tokens, string? NewToken, bool Welcome,
    bool Saved, FormErrors Errors);

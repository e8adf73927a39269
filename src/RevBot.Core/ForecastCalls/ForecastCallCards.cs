using System.Globalization;
using RevBot.Core.Deals;
using RevBot.Core.Digests.Scheduling;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Replies;

namespace RevBot.Core.ForecastCalls;

/// <summary>
/// The card a person gets when the call opens (and again as a reminder, and after submitting), and its form: the
/// model's number, the open pipeline, last week's and this week's call, the open deals, and one button. Every word in
/// the reader's language.
/// </summary>
internal static class ForecastCallCards
{
    public static Reply Card(ForecastCallView v, string language, string? notice = null)
    {
        var quarter = Quarter(v.Call, language);
        var deadline = DigestScheduleText.Local(Utc(v.Team ? v.Call.ManagerDeadlineAt : v.Call.DeadlineAt), v.Zone, language);
        var title = v.Team ? T(language, nameof(Catalog.FcallTeamCardTitle), v.Call.Team, quarter) : T(language, nameof(Catalog.FcallCardTitle), quarter);
        var text = T(language, v.Team ? nameof(Catalog.FcallTeamCardText) : nameof(Catalog.FcallCardText), v.Owner.Name, quarter, deadline);
        var state = new ForecastCallCallState(v.Call.Id, v.Owner.Id, v.Team).Form(DealActionValue.NewNonce(), language);
        var items = v.Deals.Select(d => new ReplySectionItem(DealLine(d, v.Currency, language))).ToList();
        return new Reply
        {
            Kind = ReplyKind.Card,
            Title = title,
            Text = text,
            Notice = notice,
            Language = language,
            Facts =
            [
                new(T(language, nameof(Catalog.FcallFactModel)), v.Model is { } m ? Money(m, v.Currency, language) : T(language, nameof(Catalog.FcallNoModel))),
                new(T(language, nameof(Catalog.FcallFactPipeline)), Money(v.OpenPipeline, v.Currency, language)),
                new(T(language, nameof(Catalog.FcallFactLastWeek)), Numbers(v.LastWeek, v.Currency, language)),
                new(T(language, nameof(Catalog.FcallFactThisWeek)), Numbers(v.ThisWeek, v.Currency, language)),
            ],
            Sections = [new ReplySection(T(language, nameof(Catalog.FcallDealsTitle)), items, T(language, nameof(Catalog.FcallDealsEmpty))) { Id = "fcall_deals" }],
            Context = [T(language, nameof(Catalog.FcallModelNote))],
            Actions = [new ReplyAction(ForecastCallActionIds.Open, T(language, v.Team ? nameof(Catalog.FcallSubmitTeamButton) : nameof(Catalog.FcallSubmitButton)), state.Encode(), ReplyActionStyle.Primary)],
        };
    }

    /// <summary>The form; a rep's also lists their deals, each with its forecast category to keep or change.</summary>
    public static ReplyForm Form(ForecastCallView v, ReplyFormState state, string language)
    {
        var fields = new List<ReplyFormField>
        {
            Amount(ForecastCallActionIds.CommitField, T(language, nameof(Catalog.FcallFormCommit)), v.ThisWeek?.Commit ?? v.LastWeek?.Commit, T(language, nameof(Catalog.FcallRequiredCommit))),
            Amount(ForecastCallActionIds.BestCaseField, T(language, nameof(Catalog.FcallFormBestCase)), v.ThisWeek?.BestCase ?? v.LastWeek?.BestCase, T(language, nameof(Catalog.FcallRequiredBestCase))),
        };
        if (!v.Team)
        {
            var choices = Enum.GetValues<ForecastCategory>().Select(c => new ReplyChoice(EnumText.Format(c), DealText.Forecast(c, language))).ToList();
            fields.AddRange(v.Deals.Select(d => new ReplyFormField
            {
                Id = string.Create(CultureInfo.InvariantCulture, $"{ForecastCallActionIds.DealFieldPrefix}{d.Version}:{d.Id}"),
                Label = T(language, nameof(Catalog.FcallFormDeal), d.Name ?? d.Id, Money(d.Amount, v.Currency, language)),
                Kind = ReplyFieldKind.Choice,
                Value = d.ForecastCategory is { } f ? EnumText.Format(f) : null,
                Choices = choices,
            }));
        }
        return new ReplyForm
        {
            Id = ForecastCallActionIds.Submit,
            Title = T(language, nameof(Catalog.FcallFormTitle)),
            SubmitLabel = T(language, nameof(Catalog.FcallFormSubmit)),
            Intro = v.Team ? Quarter(v.Call, language) : T(language, nameof(Catalog.FcallFormIntro)),
            Fields = fields,
            State = state,
            Cancel = new ReplyAction(ForecastCallActionIds.Back, T(language, nameof(Catalog.ChatCancel)), state.Encode()),
        };
    }

    /// <summary>A manager's roll-up: each rep's line, the deals moved in or out of commit, and the button for their team call.</summary>
    public static Reply Rollup(string title, string text, IReadOnlyList<ReplySectionItem> reps, IReadOnlyList<ReplySectionItem> moves, ReplyFormState teamCall, string language) => new()
    {
        Kind = ReplyKind.Card,
        Title = title,
        Text = text,
        Language = language,
        Sections =
        [
            new ReplySection(T(language, nameof(Catalog.FcallRollupRepsTitle)), reps, "—") { Id = "fcall_reps" },
            new ReplySection(T(language, nameof(Catalog.FcallRollupMovesTitle)), moves, T(language, nameof(Catalog.FcallRollupMovesEmpty))) { Id = "fcall_moves" },
        ],
        Context = [T(language, nameof(Catalog.FcallModelNote))],
        Actions = [new ReplyAction(ForecastCallActionIds.Open, T(language, nameof(Catalog.FcallSubmitTeamButton)), teamCall.Encode(), ReplyActionStyle.Primary)],
    };

    public static Reply Refused(string language, string text) =>
        new() { Kind = ReplyKind.Refused, Title = T(language, nameof(Catalog.FcallRefusedTitle)), Text = text };

    public static string Quarter(ForecastCall call, string language) =>
        $"{Formats.Date(call.PeriodStart, language, DateStyle.Short)} – {Formats.Date(call.PeriodEnd, language, DateStyle.Long)}";

    public static string Numbers(ForecastCallNumbers? n, string currency, string language) => n is null
        ? T(language, nameof(Catalog.FcallNone))
        : T(language, nameof(Catalog.FcallNumbers), Money(n.Commit, currency, language), Money(n.BestCase, currency, language));

    public static string Money(decimal amount, string currency, string language) => Formats.Money(amount, currency, language, MoneyStyle.Compact);

    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static string DealLine(Deal d, string currency, string language) => T(language, nameof(Catalog.FcallDealLine), d.Name ?? d.Id,
        Money(d.Amount, currency, language), d.CloseDate is { } c ? Formats.Date(c, language, DateStyle.Short) : "—",
        d.ForecastCategory is { } f ? DealText.Forecast(f, language) : T(language, nameof(Catalog.FcallNoCategory)));

    private static ReplyFormField Amount(string id, string label, decimal? value, string required) => new()
    {
        Id = id, Label = label, Kind = ReplyFieldKind.Number, Required = true, Min = 0, RequiredError = required,
        Value = value?.ToString(CultureInfo.InvariantCulture),
    };

    private static string T(string language, string key, params object?[] args) => Texts.Get(language, key, args);
}

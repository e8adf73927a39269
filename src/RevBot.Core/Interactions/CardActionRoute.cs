using RevBot.Core.Replies;

namespace RevBot.Core.Interactions;

/// <summary>
/// One feature's claim on card buttons and forms: every action id and form id that starts with <see cref="Key"/> (or,
/// when <see cref="Exact"/>, is exactly it) is answered by <see cref="Press"/> and <see cref="Submit"/>. Features add
/// theirs with <see cref="CardActionServices.AddCardActions"/>; <see cref="CardActionRoutes"/> refuses two claims on one id.
/// The handlers get the RevBot user already resolved (null when the presser is not mapped to one).
/// </summary>
public sealed record CardActionRoute(
    string Key,
    bool Exact,
    Func<IServiceProvider, CardPress, int?, CancellationToken, Task<Reply>> Press,
    Func<IServiceProvider, FormSubmission, ReplyFormState, int?, CancellationToken, Task<Reply>> Submit)
{
    /// <summary>Every id starting with <paramref name="prefix"/> ("deal.").</summary>
    public static CardActionRoute Prefix(
        string prefix,
        Func<IServiceProvider, CardPress, int?, CancellationToken, Task<Reply>> press,
        Func<IServiceProvider, FormSubmission, ReplyFormState, int?, CancellationToken, Task<Reply>>? submit = null) =>
        new(prefix, false, press, submit ?? UnknownForm);

    /// <summary>Exactly <paramref name="id"/> ("handoff.claim"), nothing longer.</summary>
    public static CardActionRoute Id(
        string id,
        Func<IServiceProvider, CardPress, int?, CancellationToken, Task<Reply>> press,
        Func<IServiceProvider, FormSubmission, ReplyFormState, int?, CancellationToken, Task<Reply>>? submit = null) =>
        new(id, true, press, submit ?? UnknownForm);

    public bool Matches(string id) => Exact ? string.Equals(id, Key, StringComparison.Ordinal) : id.StartsWith(Key, StringComparison.Ordinal);

    /// <summary>True when some id would match both: one would be answered by whichever was registered first.</summary>
    public bool Overlaps(CardActionRoute other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return (Exact, other.Exact) switch
        {
            (true, true) => string.Equals(Key, other.Key, StringComparison.Ordinal),
            (true, false) => other.Matches(Key),
            (false, true) => Matches(other.Key),
            _ => Matches(other.Key) || other.Matches(Key),
        };
    }

    /// <summary>What a button no feature claims gets: the same refusal a feature gives a button it doesn't know.</summary>
    public static Reply UnknownButton { get; } = new() { Kind = ReplyKind.Refused, Title = "Not understood", Text = "RevBot doesn't know that button." };

    /// <summary>What a form no feature claims gets.</summary>
    public static Reply UnknownFormReply { get; } = new() { Kind = ReplyKind.Refused, Title = "Not understood", Text = "RevBot doesn't know that form." };

    /// <summary>The <see cref="Submit"/> of a feature whose buttons open no form.</summary>
    public static Task<Reply> UnknownForm(IServiceProvider services, FormSubmission submission, ReplyFormState state, int? userId, CancellationToken ct) =>
        Task.FromResult(UnknownFormReply);
}

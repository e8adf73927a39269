using RevBot.Core.Localization;
using RevBot.Core.Replies;

namespace RevBot.Core.Digests.Scheduling;

/// <summary>What a channel reads when its digest could not be built, instead of silence.</summary>
internal static class DigestFailure
{
    public static Reply Reply(DigestKind kind, string language)
    {
        return new Reply
        {
            Kind = ReplyKind.Error,
            Title = Texts.Get(language, nameof(Catalog.DigestFailedTitle), DigestKinds.InText(kind, language)),
            Text = Texts.Get(language, nameof(Catalog.DigestFailedText)),
        };
    }
}

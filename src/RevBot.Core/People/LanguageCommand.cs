using Microsoft.EntityFrameworkCore;
using RevBot.Core.Answers;
using RevBot.Core.Localization;
using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Core.People;

/// <summary>
/// "speak Spanish": stores the asker's language (<c>users.language</c>) and says so in it. Only a known person has a
/// setting: an asker whose e-mail is no RevBot user is told why, and nothing is stored.
/// </summary>
public sealed class LanguageCommand(RevBotDb db) : IChatCommand
{
    public async Task<Answer?> TryAnswerAsync(AskRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!LanguageCommandParser.TryParse(request.Question, out var command)) return null;
        if (command.Wanted is not { } wanted)
            return Reply(command.Language, false, nameof(Catalog.LanguageNotSpokenTitle), Texts.Get(command.Language, nameof(Catalog.LanguageNotSpoken), LanguageCommandParser.Spoken()));
        var user = request.UserEmail is { } email ? await db.Users.WithEmail(email).FirstOrDefaultAsync(ct) : null;
        if (user is null)
            return Reply(command.Language, false, nameof(Catalog.LanguageUnknownUserTitle), Texts.Get(command.Language, nameof(Catalog.LanguageUnknownUser)));
        user.Language = wanted;
        await db.SaveChangesAsync(ct);
        return Reply(wanted, true, nameof(Catalog.LanguageSetTitle), Texts.Get(wanted, nameof(Catalog.LanguageSet)));
    }

    private static Answer Reply(string language, bool understood, string titleKey, string text) => new()
    {
        Understood = understood,
        Intent = "language",
        Language = language,
        Text = text,
        Reply = new Reply { Kind = understood ? ReplyKind.Answer : ReplyKind.NotUnderstood, Title = Texts.Get(language, titleKey), Text = text },
    };
}

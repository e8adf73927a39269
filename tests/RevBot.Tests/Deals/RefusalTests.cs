using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Localization;

namespace RevBot.Tests.Deals;

/// <summary>
/// The role rules of <see cref="DealPermissions"/> as typed refusals: which roles each rule lets through, the reason it
/// gives otherwise, and the sentences people read (unchanged from when refusals were strings).
/// </summary>
public sealed class RefusalTests
{
    private static User As(UserRole role) => new() { Id = 7, Email = "x@example.com", Name = "X", Role = role };

    [Theory]
    [InlineData(UserRole.Rep, RefusalReason.Reopen, RefusalReason.Merge, RefusalReason.UndoMerge)]
    [InlineData(UserRole.Exec, RefusalReason.Reopen, RefusalReason.Merge, RefusalReason.UndoMerge)]
    [InlineData(UserRole.Manager, null, null, RefusalReason.UndoMerge)]
    [InlineData(UserRole.Revops, null, null, null)]
    public void Each_role_rule_refuses_with_its_reason(UserRole role, RefusalReason? reopen, RefusalReason? merge, RefusalReason? undo)
    {
        var user = As(role);
        Assert.Equal((reopen, merge, undo),
            (DealPermissions.ReopenRefusal(user, "en")?.Reason, DealPermissions.MergeRefusal(user, "en")?.Reason, DealPermissions.UndoMergeRefusal(user, "en")?.Reason));
    }

    [Fact]
    public void The_refusal_sentences_are_the_ones_people_already_read()
    {
        var rep = As(UserRole.Rep);
        Assert.Equal("Only a manager or RevOps can reopen a closed deal or change whether it was won or lost. Nothing was changed.", DealPermissions.ReopenRefusal(rep, "en")!.Text);
        Assert.Equal("Solo un responsable o RevOps puede reabrir un negocio cerrado o cambiar si se ganó o se perdió. No se cambió nada.", DealPermissions.ReopenRefusal(rep, "es")!.Text);
        Assert.Equal("Only managers and RevOps can merge records. Nothing was changed.", DealPermissions.MergeRefusal(rep, "en")!.Text);
        Assert.Equal("Only RevOps can undo a merge. Nothing was changed.", DealPermissions.UndoMergeRefusal(As(UserRole.Manager), "en")!.Text);
        Assert.Equal("Solo los responsables y RevOps pueden fusionar registros. No se cambió nada.", DealPermissions.MergeRefusal(rep, "es")!.Text);
        Assert.Equal("Solo RevOps puede deshacer una fusión. No se cambió nada.", DealPermissions.UndoMergeRefusal(As(UserRole.Manager), "es")!.Text);
    }

    [Theory]
    [InlineData(null, "change deals", "cambiar negocios")]
    [InlineData(nameof(Catalog.DataHealthUnknownMergeUser), "merge records", "fusionar registros")]
    [InlineData(nameof(Catalog.DataHealthUnknownUndoUser), "undo merges", "deshacer fusiones")]
    [InlineData(nameof(Catalog.HandoffUnknownUser), "record your claim", "registrar que lo asumes")]
    public void An_unknown_person_is_told_what_could_not_be_done_and_how_to_be_added(string? textKey, string shown, string mostrado)
    {
        var refusal = textKey is null ? DealPermissions.UnknownDealUser("en") : DealPermissions.UnknownUser("en", textKey);
        Assert.Equal(RefusalReason.UnknownUser, refusal.Reason);
        Assert.Equal($"I don't know who you are in RevBot, so I can't {shown} for you. Ask RevOps to add you as a RevBot user with " +
            "the e-mail address of your Slack or Teams account; RevBot links your chat account to it on your next message.", refusal.Text);
        var spanish = textKey is null ? DealPermissions.UnknownDealUser("es") : DealPermissions.UnknownUser("es", textKey);
        Assert.StartsWith($"No sé quién eres en RevBot, así que no puedo {mostrado}", spanish.Text, StringComparison.Ordinal);
    }
}

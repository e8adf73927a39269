using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Digests;
using RevBot.Core.Replies;
using RevBot.Slack.App.Home;
using RevBot.Slack.App.Rendering;
using RevBot.Teams.App.Rendering;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Screenshots;

/// <summary>
/// A reply as both platforms show it: the Teams card (<see cref="ReplyCardRenderer"/>, its charts loaded from a public
/// base URL the screenshot script answers with the real PNG) and the Slack message (<see cref="ReplyRenderer"/>).
/// </summary>
internal sealed class CardScreenshotRenders(string imageFolder)
{
    private static readonly Uri ImageBase = new("https://revbot.example.com/");

    public IEnumerable<ScreenshotCard> Answer(string kind, string language, Answer answer)
    {
        var images = new Dictionary<string, string>();
        var teams = answer is { Chart: { } chart, ChartImage: { } png }
            ? answer.Reply with { Images = [.. answer.Reply.Images.Select(i => i.FileName == chart.File ? i with { Token = Store($"{kind}-{language}", png.Png, images) } : i)] }
            : answer.Reply;
        yield return ScreenshotCard.Teams(kind, language, ReplyCardRenderer.Render(teams, imageBase: ImageBase, language: language), images);
        yield return ScreenshotCard.Slack(kind, language, ReplyRenderer.Render(answer.Reply, new ReplyRenderOptions { Language = language }));
    }

    public IEnumerable<ScreenshotCard> Reply(string kind, string language, Reply reply)
    {
        yield return ScreenshotCard.Teams(kind, language, ReplyCardRenderer.Render(reply, language: language));
        yield return ScreenshotCard.Slack(kind, language, ReplyRenderer.Render(reply, new ReplyRenderOptions { Language = language }));
    }

    public IEnumerable<ScreenshotCard> Form(string kind, string language, ReplyForm form)
    {
        yield return ScreenshotCard.Teams(kind, language, FormCard.Render(form));
        yield return ScreenshotCard.Slack(kind, language, FormModal.Render(form, "{}"));
    }

    /// <summary>A digest as the outbox sends it: its charts stored under tokens (Teams shows them as images).</summary>
    public IEnumerable<ScreenshotCard> Digest(string kind, string language, Digest digest)
    {
        var images = new Dictionary<string, string>();
        var reply = DigestReplies.Render(digest);
        var tokens = digest.Charts.ToDictionary(c => c.FileName,
            c => Store($"{kind}-{language}-{c.Id}", DigestChartRenderer.Render(c, language, digest.Currency).Png, images));
        var teams = reply with { Images = [.. reply.Images.Select(i => i with { Token = tokens.GetValueOrDefault(i.FileName) })] };
        yield return ScreenshotCard.Teams(kind, language, ReplyCardRenderer.Render(teams, imageBase: ImageBase, language: language), images);
        yield return ScreenshotCard.Slack(kind, language, ReplyRenderer.Render(reply, new ReplyRenderOptions { Language = language }));
    }

    /// <summary>The cards that need no data: help, welcome and the alert messages (as <see cref="AlertMessageSamples"/> builds them).</summary>
    public static IEnumerable<ScreenshotCard> Fixed(string language)
    {
        var help = GuidanceComposer.Help(language).Reply;
        yield return ScreenshotCard.Teams("help", language, ReplyCardRenderer.Render(help, language: language));
        yield return ScreenshotCard.Slack("help", language, ReplyRenderer.Render(help, new ReplyRenderOptions { Language = language }));
        yield return ScreenshotCard.Teams("welcome", language, WelcomeCard.Create(language: language));
        // Slack has no welcome message: someone RevBot does not know yet sees this Home tab.
        yield return ScreenshotCard.Slack("welcome", language, SlackHomePublisher.Unmapped(language));
        var alerts = AlertMessageSamples.All().ToDictionary(s => s.Name, s => s.Reply);
        var es = language == "es";
        foreach (var (kind, reply) in new[]
        {
            ("alert", alerts[es ? "alert churn risk for a channel es" : "alert stalled deal for a channel"]),
            ("alert-grouped", alerts[es ? "alert grouped for a channel scan es" : "alert grouped for a channel scan"]),
            ("alert-summary", alerts[es ? "alert first summary es" : "alert first summary"]),
        })
        {
            yield return ScreenshotCard.Teams(kind, language, ReplyCardRenderer.Render(reply, language: language));
            yield return ScreenshotCard.Slack(kind, language, ReplyRenderer.Render(reply, new ReplyRenderOptions { Language = language }));
        }
    }

    private string Store(string name, ReadOnlyMemory<byte> png, Dictionary<string, string> images)
    {
        var file = Path.Combine(imageFolder, $"{name}.png");
        File.WriteAllBytes(file, png.ToArray());
        images[new Uri(ImageBase, $"images/{name}.png").ToString()] = file;
        return name;
    }
}

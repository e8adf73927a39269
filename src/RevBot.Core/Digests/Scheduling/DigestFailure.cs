using RevBot.Core.Replies;

namespace RevBot.Core.Digests.Scheduling;

/// <summary>What a channel reads when its digest could not be built, instead of silence.</summary>
internal static class DigestFailure
{
    public static Reply Reply(DigestKind kind, string language)
    {
        var es = language == "es";
        var title = DigestKinds.Title(kind, es);
        return new Reply
        {
            Kind = ReplyKind.Error,
            Title = es ? $"El resumen de {title.ToLowerInvariant()} no se pudo preparar" : $"The {title} digest could not be built",
            Text = es
                ? "Algo falló al preparar el resumen de esta semana; el error está en el registro de RevBot. El próximo se publicará a su hora. Mientras tanto puedes pedir «digest preview»."
                : "Something went wrong building this week's digest; the error is in RevBot's log. The next one will be posted on schedule. Meanwhile you can ask for a \"digest preview\".",
        };
    }
}

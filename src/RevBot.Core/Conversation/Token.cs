namespace RevBot.Core.Conversation;

/// <summary>
/// One word of a question. <see cref="Text"/> is lower-case without accents; <see cref="Raw"/> keeps the case the
/// person typed (a capitalised "Will" mid-sentence may be a name, "will" is not). <see cref="Corrected"/> is the
/// known word a misspelling was taken for ("pipline" → "pipeline"), or null.
/// </summary>
internal sealed record Token(string Text, string Raw, int Index)
{
    public string? Corrected { get; init; }

    /// <summary>The word the lexicon and the period reader see.</summary>
    public string Word => Corrected ?? Text;

    public bool IsNumber => Text.Length > 0 && Text.All(char.IsAsciiDigit);

    /// <summary>Capitalised and not the first word: a hint that an ordinary word is used as a name.</summary>
    public bool LooksLikeName => Index > 0 && Raw.Length > 0 && char.IsUpper(Raw[0]);

    public bool IsAllUpper => Raw.Length > 1 && Raw.All(c => !char.IsLetter(c) || char.IsUpper(c));

    /// <summary>The text the question was read from and where this word stands in it (-1 when the word was reshaped, "dont"), so a reply can quote "mid-market" as typed.</summary>
    public string? Source { get; init; }

    public int Offset { get; init; } = -1;
}

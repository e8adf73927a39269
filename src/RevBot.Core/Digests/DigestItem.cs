namespace RevBot.Core.Digests;

/// <summary>
/// One line of a section: what people read (<see cref="Text"/>, already humanized), the number behind it when it has
/// one, the record it is about (a deal or account id) and the question that reproduces or explains it.
/// </summary>
public sealed record DigestItem(string Text, decimal? Value = null, string? SubjectId = null, string? Question = null)
{
    /// <summary>Why it is listed, when that is not in the text already (a loss reason, an alert's reasons).</summary>
    public string? Detail { get; init; }
}

using RevBot.Core.Metrics;

namespace RevBot.Core.Conversation;

/// <summary>Why a word of a question could not be placed in any slot: the refusal says it in these terms.</summary>
public enum UnplacedReason
{
    /// <summary>A word the reader does not know at all ("Narnia", "adjusted", "budget").</summary>
    Word,

    /// <summary>A value of a known kind the company does not have ("a region called APAC").</summary>
    Value,

    /// <summary>A value or a breakdown of a kind the data has no values for at all ("no segments").</summary>
    NoValues,

    /// <summary>A breakdown the reader cannot do ("by country", "by hair colour").</summary>
    Breakdown,

    /// <summary>A person-like name that matches no rep or team ("Jane Smith"), perhaps in part an account.</summary>
    Name,
}

/// <summary>Words of a question no slot or stop word explains, as typed, and what kind of thing they seem to be.</summary>
public sealed record UnplacedWord(string Text, UnplacedReason Reason, Dimension? Dimension = null);

/// <summary>A name taken in part or despite a typo ("acme" → the account Acme Corporation): the answer states it.</summary>
public sealed record NameMatch(string Typed, Dimension Dimension, string Name);

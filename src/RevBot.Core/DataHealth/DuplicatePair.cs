namespace RevBot.Core.DataHealth;

/// <summary>Two records that are likely the same: <see cref="Entity"/> is "contact" or "account"; <see cref="Reason"/> says why.</summary>
public sealed record DuplicatePair(string Entity, string FirstId, string FirstLabel, string SecondId, string SecondLabel, string Reason)
{
    /// <summary>The Merge button's value: "contact|con-1|con-2".</summary>
    public string MergeValue => $"{Entity}|{FirstId}|{SecondId}";
}

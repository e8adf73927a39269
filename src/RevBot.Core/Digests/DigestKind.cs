namespace RevBot.Core.Digests;

/// <summary>Who a digest is for. Spelled "sales", "cs", "marketing", "finance", "exec" outside C# (<see cref="DigestKinds"/>).</summary>
public enum DigestKind
{
    Sales,
    Cs,
    Marketing,
    Finance,
    Exec,
}

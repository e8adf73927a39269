namespace RevBot.Core.Storage;

/// <summary>
/// The database a question's numbers are read from: a read replica when <c>Database:QuestionReplica</c> is set (the
/// statements that compute an answer only read, so they can take their load off the primary), else the scope's own
/// context. Everything a question writes (the conversation, the question log) and every background job stays on
/// the primary. A replica answers as of its last replayed change, usually milliseconds behind (docs/deploy.md).
/// </summary>
public sealed class QuestionReads : IAsyncDisposable
{
    private readonly RevBotDb? _owned;

    private QuestionReads(RevBotDb db, RevBotDb? owned)
    {
        Db = db;
        _owned = owned;
    }

    public RevBotDb Db { get; }

    /// <summary>True when <see cref="Db"/> is the replica's context rather than the primary's.</summary>
    public bool OnReplica => _owned is not null;

    /// <summary>Reads from the primary's context of the scope (not owned: the scope disposes it).</summary>
    public static QuestionReads Primary(RevBotDb db) => new(db, null);

    /// <summary>Reads from a replica's context, owned and disposed with this scope.</summary>
    public static QuestionReads Replica(RevBotDb replica) => new(replica, replica);

    public ValueTask DisposeAsync() => _owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}

namespace RevBot.Data.Storage;

/// <summary>The read replica questions read from (<c>Database:QuestionReplica</c>), registered only when one is set.</summary>
public sealed record QuestionReplicaTarget(DbTarget Target);

using RevBot.Testing;

// Drops the database templates this run made (tests/RevBot.TestKit/DatabaseTemplates.cs) once every test has run.
[assembly: AssemblyFixture(typeof(DatabaseTemplateCleanup))]

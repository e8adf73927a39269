using RevBot.IntegrationTests.Hosting;
using RevBot.Testing;

// Drops the database templates this run made (tests/RevBot.TestKit/DatabaseTemplates.cs) once every test has run.
[assembly: AssemblyFixture(typeof(DatabaseTemplateCleanup))]

// Deletes the hosts' prepared SQLite templates (Hosting/HostDatabaseTemplates.cs) once every test has run.
[assembly: AssemblyFixture(typeof(HostTemplateCleanup))]

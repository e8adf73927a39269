# RevBot: build with the .NET SDK, run on the ASP.NET runtime as a non-root user.
# Configuration comes only from environment variables (Database__Target or REVBOT_DB, Slack__*, Teams__*, Api__Key)
# and mounted secrets (see docs/deploy.md). Both images are pinned: the SDK this repository is built and tested with
# and the runtime that SDK ships (bump them together; DockerfileTests checks they agree with global.json).
FROM mcr.microsoft.com/dotnet/sdk:10.0.401 AS build
WORKDIR /src
# Restore from the project files alone, so this layer is reused until a project file or a package version changes.
# Every project the host references is listed (DockerfileTests fails when one is missing).
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/RevBot.Core/RevBot.Core.csproj src/RevBot.Core/
COPY src/RevBot.Data/RevBot.Data.csproj src/RevBot.Data/
COPY src/RevBot.Slack/RevBot.Slack.csproj src/RevBot.Slack/
COPY src/RevBot.Teams/RevBot.Teams.csproj src/RevBot.Teams/
COPY src/RevBot.Sources/RevBot.Sources.csproj src/RevBot.Sources/
COPY src/RevBot.Host/RevBot.Host.csproj src/RevBot.Host/
RUN dotnet restore src/RevBot.Host/RevBot.Host.csproj
# The build enforces the code style, so it needs the .editorconfig beside the sources.
COPY .editorconfig ./
COPY src/ src/
RUN dotnet publish src/RevBot.Host/RevBot.Host.csproj -c Release -o /app/publish --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0.12 AS runtime
# Digest charts are drawn in-process with Skia, which needs a font for their labels (the base image has none).
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app/publish .
# Memory (docs/deploy.md, "Memory"): code and loader heaps mapped once rather than twice (W^X), and two malloc
# arenas instead of one per thread; both are read only from the environment, at start. The soak harness runs the host
# with the same two (tests/RevBot.Benchmarks/ImageEnvironment.cs; DockerfileTests checks they agree).
ENV ASPNETCORE_URLS=http://+:8080 \
    DOTNET_NOLOGO=1 \
    DOTNET_EnableWriteXorExecute=0 \
    MALLOC_ARENA_MAX=2
# The image's built-in unprivileged user.
USER app
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["dotnet", "/app/revbot.dll", "health", "--url", "http://127.0.0.1:8080/healthz"]
ENTRYPOINT ["dotnet", "/app/revbot.dll"]
CMD ["serve"]

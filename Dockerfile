# RevBot: build with the .NET SDK, run on the ASP.NET runtime as a non-root user.
# Configuration comes only from environment variables (Database__Target or REVBOT_DB, Slack__*, Teams__*, Api__Key)
# and mounted secrets (see docs/deploy.md).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig RevBot.sln ./
COPY src/ src/
RUN dotnet publish src/RevBot.Host/RevBot.Host.csproj -c Release -o /app/publish

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# Digest charts are drawn in-process with Skia, which needs a font for their labels (the base image has none).
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app/publish .
ENV ASPNETCORE_URLS=http://+:8080 \
    DOTNET_NOLOGO=1
# The image's built-in unprivileged user.
USER app
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["dotnet", "/app/revbot.dll", "health", "--url", "http://127.0.0.1:8080/healthz"]
ENTRYPOINT ["dotnet", "/app/revbot.dll"]
CMD ["serve"]

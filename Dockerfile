# OrgTracker web app. Build: docker build -t orgtracker .   (docker-compose.yml runs it with PostgreSQL 15)
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ./
COPY src/OrgTracker.Web/OrgTracker.Web.csproj src/OrgTracker.Web/
# ReadyToRun, as ./run.sh publishes it (scripts/app.sh): the app and its packages precompiled, so it starts without
# JIT-compiling them first.
RUN dotnet restore src/OrgTracker.Web/OrgTracker.Web.csproj -r linux-x64 -p:PublishReadyToRun=true
COPY src/ src/
RUN dotnet publish src/OrgTracker.Web/OrgTracker.Web.csproj -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
ENV ORGTRACKER_URLS=http://0.0.0.0:8080
EXPOSE 8080
USER app
# Production by default: no demo data unless ORGTRACKER_SEED_DEMO=true. Two-factor sign-in is required of
# administrators unless the database holds the demo data (ORGTRACKER_REQUIRE_2FA_ROLES overrides; README).
ENV ORGTRACKER_SEED_DEMO=false
# With arguments, run that command (e.g. `setup --state MP --admin EMAIL`, `migrate`); without: apply migrations,
# load the demo data when asked for (ORGTRACKER_SEED_DEMO=true) and the database is empty, serve.
ENTRYPOINT ["/bin/sh", "-c", "if [ $# -gt 0 ]; then exec dotnet OrgTracker.Web.dll \"$@\"; fi; dotnet OrgTracker.Web.dll migrate && if [ \"${ORGTRACKER_SEED_DEMO:-false}\" = true ]; then dotnet OrgTracker.Web.dll seed --profile demo --if-empty; fi && exec dotnet OrgTracker.Web.dll", "orgtracker"]

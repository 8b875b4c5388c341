# OrgTracker web app. Build: docker build -t orgtracker .   (docker-compose.yml runs it with PostgreSQL 15)
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ./
COPY src/OrgTracker.Web/OrgTracker.Web.csproj src/OrgTracker.Web/
RUN dotnet restore src/OrgTracker.Web/OrgTracker.Web.csproj
COPY src/ src/
RUN dotnet publish src/OrgTracker.Web/OrgTracker.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
ENV ORGTRACKER_URLS=http://0.0.0.0:8080
EXPOSE 8080
USER app
# Apply migrations, load demo data when the database is empty (set ORGTRACKER_SEED_DEMO=false in production), serve.
ENTRYPOINT ["/bin/sh", "-c", "dotnet OrgTracker.Web.dll migrate && if [ \"${ORGTRACKER_SEED_DEMO:-true}\" = true ]; then dotnet OrgTracker.Web.dll seed --profile demo --if-empty; fi && exec dotnet OrgTracker.Web.dll"]

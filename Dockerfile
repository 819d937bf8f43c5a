# syntax=docker/dockerfile:1
# The Enterprise API image: built with the SDK, run on the ASP.NET runtime image as its non-root user.
#   docker build --platform linux/amd64 -t enterprise-api .
#   docker run --rm -p 8080:8080 --env-file deploy/.env enterprise-api            # serve
#   docker run --rm --env-file deploy/.env enterprise-api migrate                 # apply migrations, then exit
# linux/amd64 only: publishing infers the build machine's runtime identifier, and the lock files
# (packages.lock.json) pin the linux-x64 runtime packs only (RuntimeIdentifiers in src/WebApi), so the locked
# restore fails on another platform instead of resolving something untested.
# The tags are pinned to the SDK of global.json and the runtime it ships; bump them together.

FROM mcr.microsoft.com/dotnet/sdk:10.0.401 AS build
WORKDIR /src

# Restore first, from the project files and lock files only, so a source change reuses the restored layer.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Domain/Enterprise.Domain.csproj src/Domain/packages.lock.json src/Domain/
COPY src/Application/Enterprise.Application.csproj src/Application/packages.lock.json src/Application/
COPY src/Infrastructure/Enterprise.Infrastructure.csproj src/Infrastructure/packages.lock.json src/Infrastructure/
COPY src/WebApi/Enterprise.WebApi.csproj src/WebApi/packages.lock.json src/WebApi/
RUN dotnet restore src/WebApi/Enterprise.WebApi.csproj --locked-mode

COPY src/ src/
# The API serves the versioning notes it links to from its deprecation headers (embedded at build).
COPY docs/versioning.md docs/
# ReadyToRun (src/WebApi's project file), framework-dependent: the runtime comes from the final stage's image.
RUN dotnet publish src/WebApi/Enterprise.WebApi.csproj --no-restore --configuration Release --output /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0.12 AS final
WORKDIR /app
COPY --from=build --chown=root:root /app ./

# The image's own non-root user (app, UID 1654); the files above stay root's and read-only to it.
USER $APP_UID
ENV ASPNETCORE_HTTP_PORTS=8080
# Hot methods move to optimized code after 30 calls, without waiting for a pause in JIT activity: on one CPU (a pod's
# usual limit) the runtime waits 1 s without any new compilation, which a server under load rarely gives it, so the
# first minutes ran on unoptimized code (docs/performance.md, "Tiered compilation on one core").
ENV DOTNET_TC_CallCountingDelayMs=0
EXPOSE 8080

# No curl in this image: the application asks its own /health/live (`healthcheck` command, exit 0 or 1).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["dotnet", "Enterprise.WebApi.dll", "healthcheck"]

# Every thread under SCHED_BATCH (chrt, from util-linux, which every Debian and Ubuntu image carries; no capability
# needed): a woken thread does not preempt the one serving a request, which on one CPU saved 10-20% of the CPU per
# request (docs/adr/0009-server-threads-under-sched-batch.md). `migrate` runs under it too; the health check does not need it.
ENTRYPOINT ["chrt", "--batch", "0", "dotnet", "Enterprise.WebApi.dll"]

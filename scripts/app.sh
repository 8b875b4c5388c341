# The application as ./run.sh and the scripts run it, sourced by them: `build_app` publishes it (Release,
# ReadyToRun: its assemblies and its packages' come precompiled, so a process starts without JIT-compiling EF Core,
# Npgsql and the app first: a 20-row member import takes 1.0 s of CPU instead of 1.9 s from a plain build;
# docs/performance.md), and "${APP[@]}" runs it with the published folder as its content root.
#
#   build_app [OUT_DIR [PROJECT_DIR [MSBUILD_ARGS…]]]    default: src/OrgTracker.Web of this checkout into APP_DIR
APP_DIR="${APP_DIR:-$PWD/src/OrgTracker.Web/bin/app}"
APP=(dotnet "$APP_DIR/OrgTracker.Web.dll")
export ASPNETCORE_CONTENTROOT="$APP_DIR"

build_app() {
  local out="${1:-$APP_DIR}" project="${2:-src/OrgTracker.Web}"
  shift $(( $# < 2 ? $# : 2 ))
  dotnet publish "$project" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o "$out" -v quiet -nologo -clp:ErrorsOnly "$@" >/dev/null
}

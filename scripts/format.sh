#!/usr/bin/env bash
# Formats the code as .editorconfig says: `scripts/format.sh` rewrites the files, `scripts/format.sh --check` only lists
# what would change and fails if anything would (CI runs the check before the tests). Restores first from the same
# sources the build uses, then formats without restoring again. Generated EF Core migrations are left as generated.
set -euo pipefail
cd "$(dirname "$0")/.."

args=(RevBot.sln --no-restore --exclude src/RevBot.Data/Migrations)
case "${1:-}" in
  --check) args+=(--verify-no-changes) ;;
  "") ;;
  *) echo "usage: scripts/format.sh [--check]" >&2; exit 2 ;;
esac

dotnet restore RevBot.sln --nologo -v quiet
if ! dotnet format "${args[@]}"; then
  [ "${1:-}" = "--check" ] && echo "The code is not formatted as .editorconfig says: run scripts/format.sh and commit the result." >&2
  exit 1
fi

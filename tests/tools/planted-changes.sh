#!/usr/bin/env bash
# The five planted changes of issue 16 (docs/testing.md, "Planted bugs that the suite must catch"): each is applied
# alone to a scratch worktree of HEAD, the test project is built and the tests named for it are run; the change is
# caught when at least one of them fails. Prints one line per change and exits 1 if any was not caught.
# Usage: tests/tools/planted-changes.sh   (about 5 minutes on two cores)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
tree="$(mktemp -d /tmp/simzsl-planted-XXXXXX)"
git -C "$root" worktree add --quiet --detach "$tree" HEAD
trap 'git -C "$root" worktree remove --force "$tree"' EXIT
cd "$tree"

missed=0
# plant NAME FILE OLD NEW FILTER: replace the one occurrence of OLD in FILE by NEW, build, run FILTER, revert.
plant() {
  local name="$1" file="$2" old="$3" new="$4" filter="$5"
  python3 - "$file" "$old" "$new" <<'PY'
import sys
path, old, new = sys.argv[1:4]
text = open(path, encoding="utf-8").read()
if text.count(old) != 1:
    sys.exit(f"{path}: expected one occurrence of {old!r}, found {text.count(old)}; the code moved, update the plant")
open(path, "w", encoding="utf-8").write(text.replace(old, new))
PY
  dotnet build tests/SimZsl.Tests -c Release -v quiet -nologo >/dev/null
  local failed
  failed="$(dotnet test tests/SimZsl.Tests -c Release --no-build --filter "$filter" 2>&1 | grep -E '^\s+Failed ' | sed -E 's/^\s+Failed ([^ (]+).*/\1/' | sort -u || true)"
  if [ -n "$failed" ]; then
    echo "caught      $name: $(echo "$failed" | wc -l) failing test method(s), e.g. $(echo "$failed" | head -1)"
  else
    echo "NOT CAUGHT  $name"
    missed=1
  fi
  git checkout --quiet -- "$file"
}

plant "sphere stress gradient without its inverse norm" src/SimZsl/Embedding/StressPairs.cs \
  "(1, time > 0 ? 1 / time : 0)" "(1, time > 0 ? 1 : 0)" \
  "FullyQualifiedName~StressGradientTests"
plant "calibrated stacking's gamma tie rule < -> >" src/SimZsl/ZeroShot/CalibratedStacking.cs \
  "Math.Abs(gamma) < Math.Abs(bestGamma)" "Math.Abs(gamma) > Math.Abs(bestGamma)" \
  "FullyQualifiedName~MetricsTests"
plant "ball distance .div(sqrt c) -> .mul(sqrt c)" src/SimZsl/ZeroShot/PoincareBall.cs \
  ".div(denominator), c).div(Kept(Math.Sqrt(c)));" ".div(denominator), c).mul(Kept(Math.Sqrt(c)));" \
  "FullyQualifiedName~HeadLossTests"
plant "compressed MAT element: a truncation not reported" src/SimZsl/IO/ZlibElementReader.cs \
  'return $"the compressed element inflates to only {Inflated} bytes but the element inside announces {expectedLength}: it is truncated";' \
  "return null;" \
  "FullyQualifiedName~MatFileErrorTests"
plant "compressed MAT element: the inflater ignores the problem" src/SimZsl/IO/MatInflater.cs \
  "throw Damaged(parser, tag, buffer, filled, bigEndian, problem, null);" "_ = problem;" \
  "FullyQualifiedName~MatFileErrorTests"
plant ".npy Fortran-order transpose only for rank > 2" src/SimZsl/IO/NpyFile.cs \
  "if (fortran && shape.Length > 1)" "if (fortran && shape.Length > 2)" \
  "FullyQualifiedName~NpyFile"
exit "$missed"

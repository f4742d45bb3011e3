#!/usr/bin/env bash
# One Stryker.NET run over one part of the library, with the tests that exercise that part (docs/testing.md, "Mutation
# testing"). Usage: tests/tools/mutation-run.sh PART [OUTPUT-FOLDER]
#   geometry     Geometry, every test
#   stress       Embedding: the stress, its row kernels and refinement, with the test classes that exercise them on
#                small problems (two call them directly, four through KappaMds.Fit)
#   zeroshot     ZeroShot: the heads, their registry, metrics and calibrated stacking, with the ZeroShot tests
#   io-readers   IO: the .npy and MAT readers, with the IO tests
#   io-rest      IO: every other file (CSV, pair lists, taxonomies, idx, xlsa17, model files, the writers)
# Why a test filter: Stryker compiles every mutant into the library and, while it captures coverage, records each
# statement it runs; in the stress kernels' hot loops that made the refinement tests run for more than 15 minutes
# before one mutant was tested. The classes named below exercise the same code on small problems.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"

# A mutant of the writers' device checks makes an atomic write rename its temporary file over /dev/full, which the
# output tests write to. As root that replaces the device with a plain file (seen on 2026-12-07, twice), and every
# later mutant's device tests then fail for that reason alone: false kills. Run as root, the script therefore re-runs
# itself in a private mount namespace in which /dev/full and /dev/null are bind-mounted onto themselves: a rename or
# delete over a mount point fails (EBUSY), so such a mutant fails its tests and the devices stay devices.
if [ "$(id -u)" = 0 ] && [ -z "${SIMZSL_DEVICES_PINNED:-}" ] && unshare --mount true 2>/dev/null; then
  exec unshare --mount --propagation private env SIMZSL_DEVICES_PINNED=1 \
    bash -c 'mount --bind /dev/full /dev/full && mount --bind /dev/null /dev/null && exec bash "$0" "$@"' "$0" "$@"
fi

part="${1:?name a part: geometry, stress, zeroshot, io-readers or io-rest}"
output="$(realpath -m "${2:-$root/out/stryker-$part}")"   # resolved before the cd below
cd "$root/tests/SimZsl.Tests"
mutate=()
add() { for f in "$@"; do mutate+=(--mutate "**/$f.cs"); done; }

case "$part" in
  geometry)
    add 'Geometry/**/*'
    filter='FullyQualifiedName~SimZsl.Tests' ;;
  stress)
    add Embedding/StressRowKernels Embedding/StressFunction Embedding/PairStressFunction Embedding/StressPairs \
        Embedding/StressRefinement Embedding/AnchoredStress
    filter='FullyQualifiedName~StressGradientTests|FullyQualifiedName~StressRefinementContractTests|FullyQualifiedName~KappaMdsMissingTests|FullyQualifiedName~CoincidentStartTests|FullyQualifiedName~SparseRouteTests|FullyQualifiedName~MissingEntryRecoveryTests' ;;
  zeroshot)
    add ZeroShot/Heads/ClosedFormPeer ZeroShot/Heads/DeViSEHead ZeroShot/Heads/HyperbolicHead ZeroShot/Heads/HypersphericalHead \
        ZeroShot/Heads/SoftmaxCompatibilityHead ZeroShot/Heads/VectorCompatibility ZeroShot/Heads/ZeroShotHeadKind \
        ZeroShot/Heads/ZeroShotHeadOptions ZeroShot/PoincareBall ZeroShot/VectorSpaceGeometry ZeroShot/CalibratedStacking \
        ZeroShot/ConfusionMatrix ZeroShot/ScoreMath ZeroShot/ScoreTable ZeroShot/ZeroShotEvaluator
    filter='FullyQualifiedName~SimZsl.Tests.ZeroShot&FullyQualifiedName!~GarbageCollectionPressure' ;;
  io-readers)
    add IO/NpyFile IO/NpyArray IO/MatFile IO/MatVariableReader IO/MatElementParser IO/MatNumericArray \
        IO/MatNumberDecoder IO/MatInflater IO/ZlibElementReader
    filter='FullyQualifiedName~SimZsl.Tests.IO' ;;
  io-rest)
    add IO/AtomicFile IO/AtomicFileSet IO/ClassMatrixFile IO/CsvMatrixFile IO/IdxFile IO/InputFile IO/MatArray \
        IO/MatCellArray IO/MatCharArray IO/MatClass IO/MatDataType IO/MatStructArray IO/MatUnsupportedArray \
        IO/MatrixSource IO/OutputTarget IO/PairListFile IO/TaxonomyFile IO/TemporaryFiles IO/TextLines \
        IO/Xlsa17Dataset IO/Xlsa17Split IO/ZeroShotModelFile
    # The readers' and writers' own tests, and the CLI's input and output tests (small problems): the CSV and class
    # matrix readers, the atomic writers and the taxonomy reader are mostly exercised through the commands.
    filter='FullyQualifiedName~SimZsl.Tests.IO|FullyQualifiedName~IdxFileTests|FullyQualifiedName~PairListFileTests|FullyQualifiedName~TaxonomyTreeTests|FullyQualifiedName~ZeroShot.TrainerTests|FullyQualifiedName~CustomHeadTests|FullyQualifiedName~ZeroShotHeadKindTests|FullyQualifiedName~BadInputCatalogueTests|FullyQualifiedName~EmbedCommandTests|FullyQualifiedName~FeaturesCommandTests|FullyQualifiedName~JoinCommandTests|FullyQualifiedName~EmbedTreeInputTests|FullyQualifiedName~EmbedVectorInputTests|FullyQualifiedName~MissingInputErrorTests|FullyQualifiedName~SavedModelCommandTests|FullyQualifiedName~ZslSimilarityKindTests|FullyQualifiedName~PlotCommandTests|FullyQualifiedName~EmbedMissingCliTests|FullyQualifiedName~EmbedPairsCliTests|FullyQualifiedName~SimilarityMatrixTests' ;;
  *)
    echo "unknown part '$part': geometry, stress, zeroshot, io-readers or io-rest" >&2
    exit 2 ;;
esac

dotnet tool restore >/dev/null
status=0
dotnet stryker "${mutate[@]}" --test-case-filter "$filter" --output "$output" || status=$?

# Without the namespace above (not root, or a container that refuses unshare), say so if a mutant replaced the device, with the repair,
# rather than let the next test run fail for it.
if [ -e /dev/full ] && [ ! -c /dev/full ]; then
  echo "WARNING: /dev/full is no longer a device; a mutant replaced it. Repair (as root): rm /dev/full && mknod -m 666 /dev/full c 1 7" >&2
  status=1
fi
exit "$status"

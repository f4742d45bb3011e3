"""Line and branch coverage of the SimZsl library per source folder (and of the tool and the plots per project), from coverlet's Cobertura report.

Run from the repository root (Debian's python3 is enough):
  dotnet test tests/SimZsl.Tests -c Release --collect:"XPlat Code Coverage" --results-directory out/coverage
  python3 tests/tools/coverage_by_folder.py out/coverage
Prints a Markdown table (the one in docs/testing.md). Each source line counts once, even where several classes
(partial classes, lambdas, async state machines) report it."""
import glob, os, re, sys
import xml.etree.ElementTree as ET
from collections import defaultdict

root = sys.argv[1] if len(sys.argv) > 1 else 'out/coverage'
reports = sorted(glob.glob(os.path.join(root, '**', 'coverage.cobertura.xml'), recursive=True), key=os.path.getmtime)
if not reports:
    sys.exit(f'no coverage.cobertura.xml under {root}: run the dotnet test command in this file first')
tree = ET.parse(reports[-1])
sources = [s.text or '' for s in tree.iter('source')]

lines = {}      # (file, line) -> hit?
branches = {}   # (file, line) -> (covered, total)
for cls in tree.iter('class'):
    name = cls.get('filename').replace('\\', '/')
    for line in cls.iter('line'):
        key = (name, int(line.get('number')))
        lines[key] = lines.get(key, False) or int(line.get('hits')) > 0
        m = re.search(r'\((\d+)/(\d+)\)', line.get('condition-coverage') or '')
        if line.get('branch') == 'True' and m:
            covered, total = int(m.group(1)), int(m.group(2))
            old = branches.get(key, (0, 0))
            branches[key] = (max(old[0], covered), max(old[1], total))

def folder(path):
    m = re.search(r'src/(SimZsl[^/]*)/(.+)$', path)
    if not m:
        return None
    project, rest = m.group(1), m.group(2).split('/')
    if rest[0] == 'obj':
        return f'{project} (generated: regexes, interop)'
    if project != 'SimZsl':
        return project
    return rest[0] if len(rest) > 1 else '(root)'


stats = defaultdict(lambda: [0, 0, 0, 0])
for (path, _), hit in lines.items():
    f = folder(path)
    if f:
        stats[f][0] += hit
        stats[f][1] += 1
for (path, _), (covered, total) in branches.items():
    f = folder(path)
    if f:
        stats[f][2] += covered
        stats[f][3] += total

print('| folder | lines covered | line coverage | branches covered | branch coverage |')
print('|---|---:|---:|---:|---:|')
all_ = [0, 0, 0, 0]
for f in sorted(stats):
    s = stats[f]
    all_ = [a + b for a, b in zip(all_, s)]
    print(f'| {f} | {s[0]} / {s[1]} | {100 * s[0] / max(s[1], 1):.1f} % | {s[2]} / {s[3]} | {100 * s[2] / max(s[3], 1):.1f} % |')
print(f'| **all of src** | {all_[0]} / {all_[1]} | {100 * all_[0] / max(all_[1], 1):.1f} % | {all_[2]} / {all_[3]} | {100 * all_[2] / max(all_[3], 1):.1f} % |')

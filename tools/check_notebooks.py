"""Check what every notebook needs to run on Kaggle or Colab with no checkout beside it, and that nothing in it
belongs to one machine:
- its first code cells hold the install cell, which installs the *pinned* release (this package's version) when
  the package is missing, so a resumed session gets the same harness (same fingerprint) as the first;
- no cell's source or stored output names a path of a developer's machine or of this repository's neighbours.
Usage: python tools/check_notebooks.py [--fix]   (--fix writes the install cell where it is missing or stale)"""
import json, re, sys, uuid
from pathlib import Path

root = Path(__file__).resolve().parent.parent
VERSION = re.search(r'__version__\s*=\s*"([^"]+)"', (root / 'autoresearch_lite' / '__init__.py').read_text()).group(1)
INSTALL = """#| hide
# On Kaggle or Colab: install the pinned release (and fastcore, for the tests) when the package is missing.
import importlib.util, subprocess, sys
if importlib.util.find_spec('autoresearch_lite') is None:
    v = '{v}'
    if subprocess.run([sys.executable, '-m', 'pip', 'install', '-q', f'autoresearch-lite=={{v}}', 'fastcore']).returncode:
        subprocess.run([sys.executable, '-m', 'pip', 'install', '-q',
                        f'git+https://github.com/autoresearch-lite/autoresearch-lite@v{{v}}', 'fastcore'], check=True)"""
MARK = '# On Kaggle or Colab: install'
# paths that exist only on some machine: developer checkouts, the shared folder beside the repository, home dirs,
# temporary directories of one run
MACHINE = re.compile(r"(/work/|/root/|/home/\w|\.\./shared|\.\./\.\./|/tmp/\w|/var/folders/|[A-Z]:\\\\Users)")

def src(c): return ''.join(c['source'])

def lines(s):
    ls = s.split('\n'); return [l + '\n' for l in ls[:-1]] + [ls[-1]]

def check(path: Path, fix: bool) -> list:
    nb, bad = json.loads(path.read_text()), []
    want = INSTALL.format(v=VERSION)
    code = [i for i, c in enumerate(nb['cells']) if c['cell_type'] == 'code']
    have = [i for i in code if MARK in src(nb['cells'][i])]
    if not have or src(nb['cells'][have[0]]) != want or have[0] not in code[:2]:
        if fix:
            for i in reversed(have): del nb['cells'][i]
            code = [i for i, c in enumerate(nb['cells']) if c['cell_type'] == 'code']
            at = code[0] + 1 if code and src(nb['cells'][code[0]]).startswith('#| default_exp') else (code[0] if code else 1)
            nb['cells'].insert(at, dict(cell_type='code', execution_count=None, id=uuid.uuid4().hex[:8], metadata={},
                                        outputs=[], source=lines(want)))
            path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + '\n')
        else: bad.append(f'{path.name}: no install cell for the pinned release {VERSION} among its first code cells '
                         '(run python tools/check_notebooks.py --fix)')
    for c in nb['cells']:
        texts = [src(c)] + [json.dumps(o) for o in c.get('outputs', [])]
        for t in texts:
            if m := MACHINE.search(t): bad.append(f'{path.name}: cell {c.get("id")} names a machine path ({m.group(0)!r}...)'); break
    return bad

def main():
    fix = '--fix' in sys.argv
    nbs = sorted(p for p in (root / 'nbs').glob('*.ipynb') if not p.name.startswith('_'))
    bad = [b for p in nbs for b in check(p, fix)]
    if bad: sys.exit('notebook check failed:\n  ' + '\n  '.join(bad))
    print(f'notebooks: {len(nbs)} have the install cell for {VERSION} and name no machine path')

if __name__ == '__main__': main()

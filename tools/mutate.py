"""Mutation testing: do the notebooks' tests catch the bugs that matter?

Each mutant in tools/mutants/*.py is a realistic one-line bug in a notebook's exported code. For each, this script
applies it to the notebook and to the module generated from it, runs that notebook's tests (`nbdev-test`, slow cells
skipped), and counts the mutant killed when they fail. It prints one line a mutant, a score per notebook, and the score.

    python tools/mutate.py                                # every mutant
    python tools/mutate.py --file tools/mutants/keep.py   # the mutants of one file (repeatable)
    python tools/mutate.py --nb 04b_keep --list           # what would run, checked, without running it

The working tree is never touched. The mutants run in a copy of it (tracked files and untracked files that git does not
ignore) with a virtualenv of its own that sees this Python's packages but imports `autoresearch_lite` from the copy,
so the child processes the tests start see the mutant too; caches go to a folder of the copy. Before the mutants,
each notebook's tests run once unmutated there: a notebook whose clean tests fail has its mutants skipped, and each
mutant gets three times the clean run's time (and a minute) before it counts as killed by a time-out.
"""
import argparse, json, os, re, shutil, signal, site, subprocess, sys, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

def load_mutants(files) -> list:
    "Every mutant of `files` (python files that define MUTANTS), each a dict with nb, old, new, why and its file."
    out = []
    for f in files:
        ns = {}
        exec(compile(Path(f).read_text(), str(f), 'exec'), ns)
        for i, m in enumerate(ns.get('MUTANTS', [])):
            missing = {'nb', 'old', 'new', 'why'} - set(m)
            if missing: raise SystemExit(f"{f}: mutant {i} lacks {sorted(missing)}; give nb, old, new and why.")
            out.append(dict(m, file=Path(f).name, index=i))
    return out

def exported_source(nb_path:Path) -> tuple:
    "(the notebook's exported code joined, its default_exp module name)."
    cells = json.loads(nb_path.read_text())['cells']
    srcs = [''.join(c['source']) for c in cells if c['cell_type'] == 'code']
    mod = next((m.group(1) for s in srcs if (m := re.search(r'^#\|\s*default_exp\s+(\S+)', s, re.M))), None)
    exp = [s for s in srcs if re.search(r'^#\|\s*exports?\b', s, re.M)]
    return '\n'.join(exp), mod

def locate(root:Path, m:dict) -> tuple:
    "(notebook, module) paths under `root` where `m` applies; raises SystemExit with what is wrong."
    nb = root / 'nbs' / f"{m['nb']}.ipynb"
    where = f"{m['file']} mutant {m['index']} ({m['nb']})"
    if not nb.exists(): raise SystemExit(f"{where}: no notebook {nb.name}; name a notebook in nbs/ without .ipynb.")
    src, mod = exported_source(nb)
    if m['old'] == m['new']: raise SystemExit(f"{where}: old and new are the same text; a mutant must change the code.")
    if src.count(m['old']) != 1:
        raise SystemExit(f"{where}: its old text occurs {src.count(m['old'])} times in the exported cells, not once; "
                         "quote more of the line.")
    py = root / 'autoresearch_lite' / (mod.replace('.', '/') + '.py')
    if py.read_text().count(m['old']) != 1:
        raise SystemExit(f"{where}: its old text is not once in {py.relative_to(root)}; run nbdev-export first.")
    return nb, py

def apply(nb:Path, py:Path, m:dict):
    "Write the mutant into the notebook's exported cell and into the generated module."
    d = json.loads(nb.read_text())
    for c in d['cells']:
        s = ''.join(c['source'])
        if c['cell_type'] == 'code' and m['old'] in s and re.search(r'^#\|\s*exports?\b', s, re.M):
            c['source'] = s.replace(m['old'], m['new']).splitlines(keepends=True)
    nb.write_text(json.dumps(d, indent=1, ensure_ascii=False) + '\n')
    py.write_text(py.read_text().replace(m['old'], m['new']))

def make_copy(tmp:Path) -> tuple:
    "(the copy's root, its python, its environment): the tree as git sees it, and a venv that imports from it."
    root = tmp / 'tree'
    files = subprocess.run(['git', 'ls-files', '-co', '--exclude-standard', '-z'], cwd=ROOT, check=True,
                           capture_output=True).stdout.decode().split('\0')
    for f in filter(None, files):
        if (ROOT / f).is_file():
            (root / f).parent.mkdir(parents=True, exist_ok=True); shutil.copy2(ROOT / f, root / f)
    venv = tmp / 'venv'
    subprocess.run([sys.executable, '-m', 'venv', '--without-pip', str(venv)], check=True)
    py = venv / 'bin' / 'python'
    sp = Path(subprocess.run([str(py), '-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])'],
                             check=True, capture_output=True, text=True).stdout.strip())
    # plain path lines: this Python's packages without their .pth hooks (so no editable install of the real tree)
    (sp / 'arl_mutate.pth').write_text('\n'.join([str(root)] + site.getsitepackages()) + '\n')
    for s in Path(sys.executable).parent.iterdir():   # console scripts (nbdev-test, autoresearch-lite), new python
        head = s.read_bytes()[:200] if s.is_file() else b''
        if head.startswith(b'#!') and b'python' in head.split(b'\n')[0] and not (venv / 'bin' / s.name).exists():
            body = s.read_text().split('\n', 1)[1]
            (venv / 'bin' / s.name).write_text(f'#!{py}\n{body}'); (venv / 'bin' / s.name).chmod(0o755)
    where = subprocess.run([str(py), '-c', 'import autoresearch_lite as m; print(m.__file__)'], cwd=tmp,
                           capture_output=True, text=True).stdout.strip()
    if not where.startswith(str(root)):
        raise SystemExit(f"The copy's Python imports autoresearch_lite from {where or 'nowhere'}, not from the copy.")
    env = {k: v for k, v in os.environ.items() if k not in ('PYTHONPATH', 'PYTHONHOME')}
    env.update(VIRTUAL_ENV=str(venv), PATH=f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}",
               AUTORESEARCH_LITE_CACHE=str(tmp / 'cache'), XDG_CACHE_HOME=str(tmp / 'xdg'), MPLBACKEND='Agg',
               TQDM_DISABLE='1', PYTHONDONTWRITEBYTECODE='1')
    return root, py, env

def run_tests(root:Path, py:Path, env:dict, nb:str, timeout:float) -> tuple:
    "(status, seconds, output tail): 'pass', 'fail' or 'timeout' for `nbdev-test` of one notebook in the copy."
    t0, log = time.time(), root.parent / f'{nb}.log'
    with open(log, 'w') as out:
        p = subprocess.Popen([str(py), str(py.parent / 'nbdev-test'), f'nbs/{nb}.ipynb'], cwd=root, env=env,
                             stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        try: rc = p.wait(timeout=timeout)
        except subprocess.TimeoutExpired: rc = None
        finally:   # the whole process group: the notebook's kernel and any child it started
            try: os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError: pass
            p.wait()
    lines = log.read_text(errors='replace').strip().splitlines()
    errors = [l.strip() for l in lines if 'Error' in l and not l.startswith(' ')]   # the failing assert's own line
    tail = (errors[-1] if errors else ' | '.join(lines[-3:]))[-400:]
    return ('timeout' if rc is None else 'pass' if rc == 0 else 'fail'), time.time() - t0, tail

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--file', action='append', help='a mutants file (default: every tools/mutants/*.py)')
    ap.add_argument('--nb', action='append', help='only the mutants of this notebook (e.g. 04b_keep)')
    ap.add_argument('--list', action='store_true', help='check and list the mutants, run nothing')
    ap.add_argument('--json', help='also write the results to this file')
    ap.add_argument('--keep', action='store_true', help='keep the copy and its logs (printed at the end)')
    a = ap.parse_args(argv)
    files = a.file or sorted(str(p) for p in (ROOT / 'tools' / 'mutants').glob('*.py'))
    ms = [m for m in load_mutants(files) if not a.nb or m['nb'] in a.nb]
    if not ms: raise SystemExit('No mutants match; check --file and --nb.')
    for m in ms: locate(ROOT, m)
    if a.list:
        for m in ms: print(f"{m['nb']:<14} {m['file']}:{m['index']}  {m['why']}")
        print(f'{len(ms)} mutants'); return 0
    tmp = Path(tempfile.mkdtemp(prefix='arl-mutate-'))
    try: return _run(ms, tmp, a)
    finally:
        if a.keep: print(f'kept {tmp}')
        else: shutil.rmtree(tmp, ignore_errors=True)

def _run(ms:list, tmp:Path, a) -> int:
    root, py, env = make_copy(tmp)
    limits, results = {}, []
    for nb in dict.fromkeys(m['nb'] for m in ms):
        status, secs, tail = run_tests(root, py, env, nb, timeout=1800)
        print(f"clean   {nb:<14} {status} in {secs:.0f} s" + ('' if status == 'pass' else f'  {tail}'), flush=True)
        if status == 'pass': limits[nb] = 3 * secs + 60
        else: print(f'        its unmutated tests fail: run `nbdev-test nbs/{nb}.ipynb` with the Python the dev '
                    f'tools are installed in (this one is {sys.executable}) and fix them first')
    for m in ms:
        if m['nb'] not in limits: results.append(dict(m, status='skipped')); continue
        nb, pyf = locate(root, m)
        saved = nb.read_bytes(), pyf.read_bytes()
        try:
            apply(nb, pyf, m)
            status, secs, tail = run_tests(root, py, env, m['nb'], limits[m['nb']])
        finally: nb.write_bytes(saved[0]); pyf.write_bytes(saved[1])
        verdict = 'survived' if status == 'pass' else 'killed'
        results.append(dict(m, status=verdict, how=status, seconds=round(secs)))
        print(f"{verdict:<8} {m['nb']:<14} {secs:4.0f} s  {m['why']}", flush=True)
    print('\n| notebook | mutants | killed | score |\n|---|---|---|---|')
    for nb in dict.fromkeys(r['nb'] for r in results):
        rs = [r for r in results if r['nb'] == nb and r['status'] != 'skipped']
        k = sum(r['status'] == 'killed' for r in rs)
        print(f"| {nb} | {len(rs)} | {k} | {k / len(rs):.0%} |" if rs else f"| {nb} | skipped (clean tests fail) | | |")
    run = [r for r in results if r['status'] != 'skipped']
    k = sum(r['status'] == 'killed' for r in run)
    print(f"| all | {len(run)} | {k} | {k / max(len(run), 1):.0%} |")
    for r in results:
        if r['status'] == 'survived': print(f"survived: {r['file']}:{r['index']} {r['why']}")
    if a.json: Path(a.json).write_text(json.dumps(results, indent=1))
    return 0 if run and k == len(run) else 1

if __name__ == '__main__': sys.exit(main())

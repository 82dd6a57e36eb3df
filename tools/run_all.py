"""Run every notebook top to bottom in a fresh kernel with nbclient, as Kaggle's or Colab's "Run all" does:
every cell, `#| eval: false` ones included. Cells flagged `#| slow` or `#| gpu` (the benchmark reproductions,
minutes long) are left out here; they run with `nbdev-test --flags slow`. The repository must be unchanged after.
Usage: python tools/run_all.py [NOTEBOOK ...]"""
import os, subprocess, sys, tempfile, time
from pathlib import Path
import nbformat
from nbclient import NotebookClient

root = Path(__file__).resolve().parent.parent
FLAGS = ('#| slow', '#| gpu', '#|slow', '#|gpu')

def run(path: Path, env_dir: Path) -> float:
    nb = nbformat.read(path, as_version=4)
    nb.cells = [c for c in nb.cells if not (c.cell_type == 'code' and c.source.lstrip().split('\n')[0].strip() in FLAGS)]
    t0 = time.time()
    NotebookClient(nb, timeout=900, kernel_name='python3', resources={'metadata': {'path': str(path.parent)}}).execute()
    return time.time() - t0

def main():
    nbs = [Path(p).resolve() for p in sys.argv[1:]] or sorted(p for p in (root / 'nbs').glob('*.ipynb') if not p.name.startswith('_'))
    before = subprocess.run(['git', 'status', '--porcelain'], cwd=root, capture_output=True, text=True).stdout
    tmp = Path(tempfile.mkdtemp())
    os.environ.update(AUTORESEARCH_LITE_CACHE=str(tmp / 'cache'), MPLBACKEND='Agg', TQDM_DISABLE='1')
    failed = []
    for p in nbs:
        try: print(f'{p.name}: ran every cell in {run(p, tmp):.0f} s', flush=True)
        except Exception as e: failed.append(p.name); print(f'{p.name}: FAILED: {str(e)[-1500:]}', flush=True)
    after = subprocess.run(['git', 'status', '--porcelain'], cwd=root, capture_output=True, text=True).stdout
    if after != before: failed.append('the repository'); print(f'running the notebooks changed the repository:\n{after}')
    print(f'run-all: {len(nbs) - len([f for f in failed if f.endswith(".ipynb")])} passed, {len(failed)} failed')
    sys.exit(1 if failed else 0)

if __name__ == '__main__': main()

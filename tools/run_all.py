"""Run every notebook top to bottom in a fresh kernel with nbclient, as Kaggle's or Colab's "Run all" does: every
cell, `#| slow` and `#| eval: false` ones included. Each notebook runs alone in an empty directory outside the
repository (as in /kaggle/working, with no checkout beside it), with the Hugging Face hub unreachable (its endpoint
points at a closed local port), so the offline fallback to the shipped sample is what runs. The repository must be
unchanged afterwards.
Usage: python tools/run_all.py [--quick] [NOTEBOOK ...]   (--quick leaves out `#| slow` and `#| gpu` cells)"""
import os, shutil, subprocess, sys, tempfile, time
from pathlib import Path
from queue import Empty
import nbformat
from nbclient import NotebookClient
from nbclient.util import ensure_async

root = Path(__file__).resolve().parent.parent
FLAGS = ('#| slow', '#| gpu', '#|slow', '#|gpu')

class Client(NotebookClient):
    """nbclient waits for a cell's reply with one `get_msg(timeout=<cell timeout>)`; after cells that drive ipywidgets
    that wait can miss a reply the kernel has sent, and the run hangs until the cell times out (jupyter/nbclient#312).
    Waiting in slices of a second picks the reply up."""
    async def async_start_new_kernel_client(self):
        kc = await super().async_start_new_kernel_client()
        get_msg = kc.shell_channel.get_msg
        async def sliced(timeout=None):
            end = None if timeout is None else time.monotonic() + timeout
            while True:
                left = 1.0 if end is None else max(min(1.0, end - time.monotonic()), 0.0)
                try: return await ensure_async(get_msg(timeout=left))
                except Empty:
                    if end is not None and time.monotonic() >= end: raise
        kc.shell_channel.get_msg = sliced
        return kc

def run(path: Path, work: Path, quick: bool) -> float:
    nb = nbformat.read(path, as_version=4)
    if quick: nb.cells = [c for c in nb.cells if not (c.cell_type == 'code' and c.source.lstrip().split('\n')[0].strip() in FLAGS)]
    here = work / path.stem; here.mkdir()
    shutil.copy(path, here / path.name)   # the notebook alone, as uploaded to Kaggle
    t0 = time.time()
    Client(nb, timeout=1800, kernel_name='python3', resources={'metadata': {'path': str(here)}}).execute()
    return time.time() - t0

def main():
    args = sys.argv[1:]
    quick = '--quick' in args
    nbs = [Path(p).resolve() for p in args if p != '--quick'] or sorted(p for p in (root / 'nbs').glob('*.ipynb') if not p.name.startswith('_'))
    before = subprocess.run(['git', 'status', '--porcelain'], cwd=root, capture_output=True, text=True).stdout
    tmp = Path(tempfile.mkdtemp(prefix='run-all-'))
    os.environ.update(AUTORESEARCH_LITE_CACHE=str(tmp / 'cache'), XDG_CACHE_HOME=str(tmp / 'xdg'), MPLBACKEND='Agg',
                      TQDM_DISABLE='1', HF_ENDPOINT='http://127.0.0.1:9', HF_HUB_DISABLE_TELEMETRY='1')
    for k in ('AUTORESEARCH_LITE_DATA', 'AUTORESEARCH_LITE_PROFILE', 'HF_HUB_OFFLINE', 'HF_DATASETS_OFFLINE'): os.environ.pop(k, None)
    failed, t_all = [], time.time()
    try:
        for p in nbs:
            try: print(f'{p.name}: ran every cell in {run(p, tmp, quick):.0f} s', flush=True)
            except Exception as e: failed.append(p.name); print(f'{p.name}: FAILED: {str(e)[-1500:]}', flush=True)
    finally: shutil.rmtree(tmp, ignore_errors=True)
    after = subprocess.run(['git', 'status', '--porcelain'], cwd=root, capture_output=True, text=True).stdout
    if after != before: failed.append('the repository'); print(f'running the notebooks changed the repository:\n{after}')
    n_bad = len([f for f in failed if f.endswith('.ipynb')])
    print(f'run-all: {len(nbs) - n_bad} passed, {len(failed)} failed, {time.time() - t_all:.0f} s')
    sys.exit(1 if failed else 0)

if __name__ == '__main__': main()

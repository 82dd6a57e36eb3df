"""Check the docs as far as can be done without quarto: every notebook goes through nbdev's doc processors
(`nbdev-proc-nbs`) and renders to HTML with nbconvert, each page has its title and expected sections, and no
page shows an error or a traceback."""
import html, re, subprocess, sys, tempfile, json
import nbformat
from nbconvert import HTMLExporter
from pathlib import Path

root = Path(__file__).resolve().parent.parent
EXPECTED = {  # page -> text each rendered page must contain (its sections and key facts)
    'index': ['Quick start', 'pip install -e . && autoresearch-lite prepare', 'nbdev-test', 'How it differs',
              'Where to go next'],
    '00_data': ['The contract: profiles', 'The token cache', 'Best-fit packing', 'evaluation rows', 'M tokens/s'],
    '00a_core': ['patch', 'Greeter'],
    '01_tokenizer': ['Exact byte lengths', 'Saved as JSON, checked by sha256'],
    '02_harness': ['val_bpb', 'Prepare: the harness on disk', 'fingerprint', 'tokenization:'],
    '02a_boundary': ['Threat model', 'torch.export', 'The clock', 'The launcher', 'The driver'],
    '02b_evaluator': ['Checking the graph', 'no pickle', 'weights-only', 'pure aten'],
    '02c_sandbox': ['The environment', 'The audit hook', 'audit', 'Refused'],
    '02d_device': ['PrecisionPolicy', 'GradScaler', 'peak'],
    '03_model': ['RoPE', 'window'],
    '03a_optim': ['Muon', 'Polar Express', 'warm-down'],
    '04_train': ['The constants', 'The generator', 'val_bpb:', 'contract with the harness', 'Training from the library'],
    '04a_panel': ['TrainPanel', 'Train button'],
    '04b_keep': ['The naive rule', 'Calibration', 'epoch', 'winner'],
    '05_fakes': ['FAKE_TRAIN', 'fake_runner', 'scripted'],
    '06_edits': ['OLD', 'check_fixed', 'fixed region'],
    '07_workspace': ['program.md', 'One loop per workspace', 'heartbeat', 'GitPython'],
    '07a_runs': ['The runner', 'results.tsv', 'The ratchet'],
    '08_proposers': ['The offline proposer', 'The LLM proposer', 'OPENROUTER_API_KEY', 'context window'],
    '09_loop': ['kill -9', 'begin', 'record'],
    '09a_progress': ['The progress plot', 'AgentPanel', 'A real loop on the shipped sample'],
    '09b_attacks': ['forged summary', 'refused', 'kept:'],
    '10_cli': ['prepare', 'train', 'init', 'run', 'plot', 'bench'],
    '11_bench': ['tokens/s', 'autoresearch-lite bench'],
    '11a_keepbench': ['false keep', 'bench --aa', 'smoke-tokens', 'no-op'],
    'kaggle': ['Kaggle', 'Colab', 'Secrets', 'Persistence', 'A session restart, tested'],
    'providers': ['OPENROUTER_API_KEY', 'Ollama', 'offline'],
    'install': ['A light import', 'Build, install, run'],
}
PICTURES = {'00_data', '01_tokenizer', '03_model', '03a_optim', '04_train', '04a_panel', '02a_boundary', '04b_keep', '09a_progress',
            '11_bench'}   # pages that must show a plot
WIDGET = 'application/vnd.jupyter.widget-view+json'

def main():
    r = subprocess.run(['nbdev-proc-nbs'], cwd=root, capture_output=True, text=True)
    if r.returncode != 0 or 'Traceback' in r.stderr or 'Error in notebook' in r.stderr:
        sys.exit(f'nbdev-proc-nbs failed:\n{r.stderr[-3000:]}')
    proc = root / '_proc'
    out = Path(tempfile.mkdtemp())
    nbs = sorted(p for p in (root / 'nbs').glob('*.ipynb') if not p.name.startswith('_'))
    bad = []
    for nb in nbs:
        p = proc / nb.name
        if not p.exists(): bad.append(f'{nb.name}: not processed'); continue
        d = json.loads(p.read_text())
        for c in d['cells']:   # nbdev's processors leave fields the nbformat schema does not know
            c.pop('has_sd', None); c.get('metadata', {}).pop('execution', None)
        try: text = HTMLExporter().from_notebook_node(nbformat.reads(json.dumps(d), as_version=4))[0]
        except Exception as e: bad.append(f'{nb.name}: nbconvert failed: {e}'); continue
        (out / (nb.stem + '.html')).write_text(text)
        cells = d['cells']
        if not cells or not ''.join(cells[0]['source']).lstrip().startswith('---'):
            if '<h1' not in text: bad.append(f'{nb.name}: no title')
        plain = html.unescape(re.sub(r'<[^>]+>', '', text))
        for s in EXPECTED.get(nb.stem, []):
            if s not in plain: bad.append(f'{nb.name}: missing {s!r}')
        if nb.stem in PICTURES and not any('image/png' in o.get('data', {}) for c in cells for o in c.get('outputs', [])):
            bad.append(f'{nb.name}: no picture')
        for k, c in enumerate(cells):   # a widget does not render without a kernel: a static picture must stand beside it
            if any(WIDGET in o.get('data', {}) for o in c.get('outputs', [])):
                near = [o for x in cells[k:k + 3] for o in x.get('outputs', [])]
                if not any('image/png' in o.get('data', {}) for o in near):
                    bad.append(f'{nb.name}: a widget output has no static picture beside it for the docs site')
        for o in (o for c in cells for o in c.get('outputs', [])):
            if o.get('output_type') == 'error' or 'Traceback (most recent call last)' in ''.join(o.get('text', '')):
                bad.append(f'{nb.name}: an output shows an error'); break
    if bad: sys.exit('docs check failed:\n  ' + '\n  '.join(bad))
    print(f'docs: {len(nbs)} notebooks processed and rendered to HTML in {out}')

if __name__ == '__main__': main()

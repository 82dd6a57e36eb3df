"""Write README.md from nbs/index.ipynb without quarto (the docs workflow builds the site with quarto).

Markdown cells are copied; code cells are shown with their outputs unless a `#| hide` directive hides them.
`--check` exits 1 when README.md is not what index.ipynb gives.
"""
import json, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent

def cell_text(c):
    src = ''.join(c['source'])
    lines = src.splitlines()
    dirs = [l[3:].strip() for l in lines if l.startswith('#| ')]
    if c['cell_type'] == 'markdown': return src.strip()
    if any(d.startswith(('hide', 'exporti', 'eval: false')) for d in dirs): return ''
    code = '\n'.join(l for l in lines if not l.startswith('#|')).strip()
    outs = []
    for o in c.get('outputs', []):
        t = o.get('text') or o.get('data', {}).get('text/markdown') or o.get('data', {}).get('text/plain') or ''
        if t: outs.append('    ' + ''.join(t).rstrip().replace('\n', '\n    '))
    return '\n\n'.join(filter(None, [f'```python\n{code}\n```' if code else '', *outs]))

def readme() -> str:
    nb = json.loads((root / 'nbs' / 'index.ipynb').read_text())
    body = '\n\n'.join(t for t in map(cell_text, nb['cells']) if t).replace('](images/', '](nbs/images/')
    return '<!-- Generated from nbs/index.ipynb by tools/readme.py; edit the notebook, not this file. -->\n\n' + body + '\n'

if __name__ == '__main__':
    out = root / 'README.md'
    if '--check' in sys.argv:
        if not out.exists() or out.read_text() != readme():
            sys.exit('README.md is out of date with nbs/index.ipynb; run `python tools/readme.py`.')
    else: out.write_text(readme())

from __future__ import annotations
import hashlib, io, json, math, os, re, select, shutil, signal, subprocess, sys, tempfile, time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from autoresearch_lite.data import HarnessError, get_profile, default_cache_dir
@dataclass(frozen=True)
class Clock:
    "How the driver times a run of one profile."
    warmup_s: float   # after the launcher is ready, the budget's clock starts at the child's signal or after this long
    grace_s: float    # after the stop signal, the weights must be handed over within this long

    def max_extra_s(self) -> float:
        "The most training time an edit can get beyond the budget: the warm-up it may claim plus the stop grace."
        return self.warmup_s + self.grace_s

CLOCKS = {'smoke': Clock(0.15, 0.3), 'cpu': Clock(15.0, 12.0), 'gpu': Clock(60.0, 10.0)}

def clock_for(profile) -> Clock:
    "The `Clock` of `profile` (a profile without its own gets 5% of its budget for each part, at least 0.2 s)."
    p = get_profile(profile)
    return CLOCKS.get(p.name) or Clock(max(0.2, 0.05 * p.time_budget), max(0.2, 0.05 * p.time_budget))
_SAFE_ENV = re.compile(r'^(PATH|HOME|USER|LOGNAME|LANG|LANGUAGE|LC_[A-Z]+|TZ|TMPDIR|TEMP|TMP|TERM|SHELL|VIRTUAL_ENV|CONDA_PREFIX'
                       r'|LD_LIBRARY_PATH|SYSTEMROOT|XDG_CACHE_HOME|CC|CXX|(OMP|MKL|OPENBLAS|KMP|CUDA|NVIDIA|TORCH|TORCHINDUCTOR'
                       r'|PYTORCH|TRITON)_[A-Z0-9_]+)$')
_SECRETISH = re.compile(r'KEY|TOKEN|SECRET|PASSW|CREDENTIAL|AUTH', re.I)

def clean_env(extra: dict = None, environ=None) -> dict:
    "An environment built from an allowlist (paths, locale, thread and CUDA settings) plus `extra`: no keys, no secrets."
    environ = os.environ if environ is None else environ
    env = {k: v for k, v in environ.items() if _SAFE_ENV.match(k) and not _SECRETISH.search(k)}
    return {**env, **{k: str(v) for k, v in (extra or {}).items()}}
_SUBPROCESS_OK = frozenset({'gcc', 'g++', 'cc', 'c++', 'clang', 'clang++', 'ld', 'nvcc', 'ptxas', 'ldconfig', 'nvidia-smi',
                            'nvdisasm', 'cuobjdump', 'ar', 'as'})   # what torch.compile, Triton and CUDA run themselves
_IMPORT_DENY = ('pyarrow', 'pandas', 'polars', 'datasets', 'h5py', 'requests', 'urllib3', 'httpx', 'aiohttp', 'litellm',
                'git', 'paramiko', 'pycurl', 'cffi')         # libraries that open files or sockets in native code
_WRITE_EVENTS = ('os.remove', 'os.rename', 'os.link', 'os.symlink', 'os.truncate', 'os.chmod', 'os.chown', 'os.utime',
                 'os.mkdir', 'os.rmdir', 'shutil.copyfile', 'shutil.copytree', 'shutil.move', 'shutil.rmtree', 'shutil.chown',
                 'os.setxattr', 'os.removexattr')
_READ_EVENTS = ('os.listdir', 'os.scandir', 'os.chdir', 'os.listxattr', 'os.getxattr')

class Refused(PermissionError):
    "An action the launcher's audit hook refused; the run ends as a crash naming it."

def make_audit_hook(deny_read, deny_write, allow_dlopen, pid: int, report_fd=None):
    "The launcher's audit hook: refuse reading `deny_read`, writing `deny_write`, other processes, network, ctypes, foreign programs."
    deny_read = tuple(os.path.realpath(p) for p in deny_read)
    deny_write = deny_read + tuple(os.path.realpath(p) for p in deny_write)
    allow_dlopen = tuple(os.path.realpath(p) for p in allow_dlopen)
    own = (f'/proc/{pid}', '/proc/self', '/proc/thread-self')
    ok_exec = _SUBPROCESS_OK | {os.path.basename(sys.executable)}
    torch_dir = os.path.dirname(__import__('torch').__file__)

    def refuse(what, quiet=False, _write=os.write, _exc=Refused):
        if report_fd is not None and not quiet:   # the driver hears of it, whatever the script does with the exception
            try: _write(report_fd, ('refused ' + what.replace('\n', ' ')[:300] + '\n').encode())
            except OSError: pass
        raise _exc(f"the autoresearch-lite launcher refused {what}")

    def inside(path, roots, _real=os.path.realpath, _fspath=os.fspath, _str=str, _bytes=bytes, _isinst=isinstance):
        try: p = _fspath(path)
        except TypeError: return None
        if _isinst(p, _bytes): p = p.decode(errors='replace')
        if not _isinst(p, _str): return None
        if not p.startswith('/') and '..' in p.split('/'): return p   # dir_fd tricks: no .. in relative paths
        r = _real(p)
        for root in roots:
            if r == root or r.startswith(root + '/'): return r
        if r.startswith('/proc/') and r.split('/')[2].isdigit() and not r.startswith(own[0] + '/') and r != own[0]: return r
        return None

    def hook(event, args, _inside=inside, _refuse=refuse, _str=str, _len=len, _isinst=isinstance, _int=int,
             _basename=os.path.basename, _real=os.path.realpath, _tuple=tuple):
        if event == 'open':
            path, mode, flags = (args + (None, None))[:3]
            if _isinst(path, _int): return
            writing = (_isinst(mode, _str) and any(c in mode for c in 'wax+')) or (_isinst(flags, _int) and flags & 3)
            hit = _inside(path, deny_write if writing else deny_read)
            if hit: _refuse(f"opening {hit}" + (' for writing' if writing else ''), quiet='/__pycache__/' in hit)
        elif event in _WRITE_EVENTS or event in _READ_EVENTS:
            for a in args[:2]:
                hit = _inside(a, deny_write if event in _WRITE_EVENTS else deny_read)
                if hit: _refuse(f"{event} on {hit}", quiet='/__pycache__' in hit)
        elif event in ('socket.connect', 'socket.bind', 'socket.sendto', 'socket.sendmsg'):
            sock = args[0]
            if getattr(sock, 'family', None) != 1: _refuse(f"a network connection ({event} {args[1]!r})")
        elif event in ('socket.getaddrinfo', 'socket.gethostbyname', 'socket.gethostbyaddr', 'urllib.Request'):
            _refuse(f"a network lookup ({event})")
        elif event == 'ctypes.dlopen':
            name = args[0]
            if not (_isinst(name, _str) and (_real(name).startswith(torch_dir) or any(_real(name).startswith(a) for a in allow_dlopen))):
                _refuse(f"loading a native library with ctypes ({name!r})")
        elif event in ('ctypes.dlsym', 'ctypes.dlsym/handle', 'ctypes.string_at', 'ctypes.wstring_at', 'ctypes.cdata',
                       'ctypes.cdata/buffer', 'ctypes.call_function', 'ctypes.addressof', 'ctypes.set_errno', 'ctypes.get_errno',
                       'ctypes.seh_exception', 'ctypes.PyObj_FromPtr'):
            _refuse(f"ctypes access ({event})")
        elif event == 'subprocess.Popen':
            exe, argv = args[0], args[1]
            argv = [argv] if _isinst(argv, (str, bytes)) else list(argv or [])
            name = _basename(_str(exe or (argv[0] if argv else '')))
            if name not in ok_exec or (name == _basename(sys.executable) and not (_len(argv) > 1 and _str(argv[1]).startswith(torch_dir))):
                _refuse(f"starting the program {_str(exe or argv[:1])!r}")
        elif event in ('os.system', 'os.exec', 'os.posix_spawn', 'os.spawn', 'os.fork', 'os.forkpty', 'os.startfile', 'pty.spawn'):
            _refuse(f"starting a process ({event})")
        elif event in ('os.kill', 'os.killpg', 'signal.pthread_kill', 'os.pidfd_open'):
            if _len(args) and args[0] not in (0, pid): _refuse(f"signalling process {args[0]}")
        elif event in ('gc.get_objects', 'gc.get_referrers', 'gc.get_referents', 'sys.setprofile', 'sys.settrace'):
            _refuse(f"{event} (it reaches the launcher's own objects)")
        elif event == 'import':
            mod = _str(args[0])
            if mod.split('.')[0] in _IMPORT_DENY: _refuse(f"importing {mod} (it reads files or the network in native code)")
        elif event == 'object.__setattr__' and args[0] is hook:
            _refuse("changing the launcher's audit hook")
    return hook
CONTROL_FD_ENV = 'AUTORESEARCH_LITE_CONTROL_FD'

def _tell(fd, msg):
    "One line to the driver on the control pipe."
    if fd is not None: os.write(fd, (msg + '\n').encode())

def snapshot_weights(model, path) -> int:
    "Save every parameter and buffer of `model` (plain tensors on the CPU) to `path`; returns the number of tensors."
    import torch
    tensors = {k: v.detach().to('cpu', copy=True).contiguous() for k, v in [*model.named_parameters(), *model.named_buffers()]}
    torch.save(tensors, path)
    return len(tensors)

def export_graph(model, seq_len: int, vocab_size: int, path):
    "Export `model`'s forward (token ids [batch, seq_len] -> logits) with `torch.export`; write the graph as JSON to `path`."
    import torch
    from torch._export.serde.serialize import serialize
    model = model.eval() if hasattr(model, 'eval') else model
    x = torch.randint(0, vocab_size, (2, seq_len))
    dev = next((p.device for p in model.parameters()), torch.device('cpu')) if hasattr(model, 'parameters') else torch.device('cpu')
    batch = torch.export.Dim('batch', min=1, max=4096)
    with torch.no_grad():
        ep = torch.export.export(model, (x.to(dev),), dynamic_shapes=({0: batch},), strict=False)
    Path(path).write_bytes(serialize(ep).exported_program)

def _stats_json(stats) -> dict:
    "The JSON-safe part of the training stats (numbers, short strings, lists of numbers), for the record; never trusted."
    def ok(v, depth=0):
        if isinstance(v, bool) or v is None or isinstance(v, (int, float)): return True
        if isinstance(v, str): return len(v) < 200
        if isinstance(v, (list, tuple)) and depth < 2: return len(v) <= 20000 and all(ok(x, depth + 1) for x in v)
        if isinstance(v, dict) and depth < 1: return len(v) < 100 and all(isinstance(k, str) and ok(x, depth + 1) for k, x in v.items())
        return False
    return {k: v for k, v in stats.items() if isinstance(k, str) and ok(v)} if isinstance(stats, dict) else {}
def _deny_lists(view_cache, workspace, out_dir):
    "What the child may not read (caches, the workspace's records, .git) and may not write (also the installed code)."
    import site, sysconfig
    ws = Path(workspace)
    pkg = Path(__file__).parent
    read = [view_cache, pkg / 'sample', ws / '.git', ws / '.autoresearch', ws / 'results.tsv', ws / 'ledger.jsonl']
    write = [pkg, sys.prefix, sys.base_prefix, *site.getsitepackages(), site.getusersitepackages(),
             sysconfig.get_paths()['purelib'], ws / 'train.py', ws / 'program.md', ws / '.gitignore']
    return [str(p) for p in read], [str(p) for p in write if p and str(p) != str(out_dir)]

def launch(script, out_dir, workspace=None, profile=None, cache_dir=None, seed: int = 0) -> int:
    "The child: open the training view, install the audit hook, run `script`'s `main(view)`, hand over weights and graph."
    import numpy, torch, torch.export, tokenizers   # noqa: F401 -- everything torch needs, imported before the hook
    import torch._export.serde.serialize              # noqa: F401
    from autoresearch_lite.tokenizer import load_training_view, HarnessError as _HE
    fd = int(os.environ[CONTROL_FD_ENV]) if os.environ.get(CONTROL_FD_ENV) else None
    out_dir, script = Path(out_dir), Path(script).resolve()
    workspace = Path(workspace or script.parent)
    cache = Path(cache_dir or default_cache_dir()).expanduser().resolve()
    view = load_training_view(profile, cache, seed)
    view.on_training_start = lambda: _tell(fd, 'start')
    signal.signal(signal.SIGUSR1, lambda *a: setattr(view, 'stop_requested', True))
    deny_read, deny_write = _deny_lists(cache, workspace, out_dir)
    sys.addaudithook(make_audit_hook(deny_read, deny_write, [tempfile.gettempdir(), str(out_dir)], os.getpid(), fd))
    os.chdir(workspace)
    _tell(fd, 'ready')
    import runpy
    ns = runpy.run_path(str(script), run_name='__autoresearch_lite_train__')
    if not callable(ns.get('main')):
        raise HarnessError("train.py defines no main(harness) function; keep `def main(harness)` returning (model, stats).")
    out = ns['main'](view)
    if not (isinstance(out, tuple) and len(out) == 2):
        raise HarnessError(f"main returned {type(out).__name__}, not (model, stats); return the trained model and a dict of its figures.")
    model, stats = out
    snapshot_weights(model, out_dir / 'weights.pt')
    _tell(fd, 'snapshot')
    (out_dir / 'stats.json').write_text(json.dumps(_stats_json(stats)))
    try: export_graph(model, view.profile.max_seq_len, view.vocab_size, out_dir / 'graph.json')
    except Exception as e:
        raise HarnessError(f"the trained model cannot be exported with torch.export ({type(e).__name__}: "
                           f"{str(e).strip().splitlines()[0][:200] if str(e).strip() else ''}); keep its forward free of "
                           "Python side effects and data-dependent control flow.") from None
    _tell(fd, 'exported')
    return 0
ALLOWED_OPS = re.compile(r'^aten\.')
DENIED_OPS = re.compile(r'file|save|load|print|storage|_local_scalar|rand|bernoulli|dropout|normal|uniform|multinomial|'
                        r'exponential|geometric|cauchy|poisson|copy_|set_|resize|record_stream|_assert_async', re.I)
_OK_FUNCS = {'_operator.getitem', '_operator.mul', '_operator.add', '_operator.sub', '_operator.floordiv', '_operator.mod',
             '_operator.truediv', '_operator.neg', '_operator.eq', '_operator.ge', '_operator.le', '_operator.gt', '_operator.lt',
             'getitem', 'mul', 'add', 'sub', 'floordiv', 'mod', 'truediv', 'neg', 'eq', 'ge', 'le', 'gt', 'lt'}

def _op_name(target) -> str:
    return str(target) if not callable(target) or hasattr(target, '_schema') else f"{getattr(target, '__module__', '')}.{getattr(target, '__name__', target)}".lstrip('.')

def check_graph(ep, weights: dict):
    "Raise `HarnessError` unless `ep` is a pure function of its input and the handed-over weights."
    sig = ep.graph_signature
    if sig.buffers_to_mutate or sig.user_inputs_to_mutate:
        raise HarnessError("The model's forward changes its own buffers or inputs; a model must not keep state between evaluation batches.")
    user = [s for s in sig.input_specs if s.kind.name == 'USER_INPUT']
    if len(user) != 1: raise HarnessError(f"The exported forward takes {len(user)} inputs, not one (the token ids).")
    for s in sig.input_specs:
        if s.kind.name in ('PARAMETER', 'BUFFER', 'CONSTANT_TENSOR') and s.target not in weights:
            raise HarnessError(f"The model's forward uses a tensor {s.target!r} that is not one of its parameters or buffers; "
                               "register it with register_buffer so it is handed over with the weights.")
        if s.kind.name in ('CUSTOM_OBJ', 'TOKEN'): raise HarnessError("The model's forward uses a custom object or an effect token.")
    for n in ep.graph.nodes:
        if n.op in ('call_function', 'call_method', 'call_module'):
            name = _op_name(n.target)
            if n.op != 'call_function' or not (ALLOWED_OPS.match(name) and not DENIED_OPS.search(name) or name in _OK_FUNCS):
                raise HarnessError(f"The model's forward calls {name}, which the evaluator does not run (only pure aten "
                                   "operations, no randomness, files or printing).")
MAX_GRAPH_BYTES = 256 * 2**20

def load_graph(graph_bytes: bytes, weights: dict):
    "The exported forward, rebuilt from its JSON graph with `weights` (no pickle anywhere), checked by `check_graph`."
    import torch
    from torch._export.serde.serialize import deserialize, SerializedArtifact, _dict_to_dataclass, ExportedProgram
    from torch._export.serde.schema import ExportedProgram as SEP
    if len(graph_bytes) > MAX_GRAPH_BYTES: raise HarnessError(f"The exported graph is {len(graph_bytes) / 2**20:.0f} MB, over the limit.")
    try: spec = _dict_to_dataclass(SEP, json.loads(graph_bytes.decode()))
    except Exception as e: raise HarnessError(f"The exported graph cannot be read ({type(e).__name__}).") from None
    specs = [(i.type, i.value) for i in spec.graph_module.signature.input_specs]
    params = [v.parameter_name for k, v in specs if k == 'parameter']
    buffers = [v.buffer_name for k, v in specs if k == 'buffer']
    consts = [v.tensor_constant_name for k, v in specs if k == 'tensor_constant']
    if missing := [k for k in params + buffers + consts if k not in weights]:
        raise HarnessError(f"The model's forward uses a tensor {missing[0]!r} that is not one of its parameters or buffers; "
                           "register it with register_buffer so it is handed over with the weights.")
    state = {k: torch.nn.Parameter(weights[k], requires_grad=False) for k in params}
    persistent = {v.buffer_name for k, v in specs if k == 'buffer' and v.persistent}
    state.update({k: weights[k] for k in buffers if k in persistent})
    constants = {k: weights[k] for k in buffers + consts if k not in persistent}
    try: ep = deserialize(SerializedArtifact(graph_bytes, state, constants, ((torch.zeros(1, 1, dtype=torch.long),), {})))
    except HarnessError: raise
    except Exception as e:
        raise HarnessError(f"The exported graph does not load with its weights ({type(e).__name__}: {str(e)[:200]}).") from None
    check_graph(ep, weights)
    return ep
def read_weights(data: bytes) -> dict:
    "The handed-over weights: a dict of name -> tensor, read with torch's weights-only loader (no code runs)."
    import torch
    try: w = torch.load(io.BytesIO(data), map_location='cpu', weights_only=True)
    except Exception as e: raise HarnessError(f"The handed-over weights cannot be read ({type(e).__name__}).") from None
    if not isinstance(w, dict) or not all(isinstance(k, str) and isinstance(v, torch.Tensor) for k, v in w.items()):
        raise HarnessError("The handed-over weights are not a dict of named tensors.")
    return w

def evaluate_graph(graph_path, weights_path, sha256: str, profile, cache_dir=None, device=None, batch_size: int = 32) -> dict:
    "The evaluator: val_bpb of the exported graph with the handed-over weights on the fixed rows, every batch checked."
    import torch
    from autoresearch_lite.tokenizer import load_harness, evaluate_bpb
    t0 = time.time()
    h = load_harness(profile, cache_dir)
    data = Path(weights_path).read_bytes()
    if hashlib.sha256(data).hexdigest() != sha256:
        raise HarnessError("The weights changed after they were handed over; the run trained past its stop signal.")
    weights = read_weights(data)
    ep = load_graph(Path(graph_path).read_bytes(), weights)
    device = device or ('cuda' if torch.cuda.is_available() else 'cpu')
    fwd = ep.module().to(device)
    t1 = time.time()
    bpb = evaluate_bpb(fwd, h.eval_rows, h.token_bytes, batch_size, device)
    if not math.isfinite(bpb): raise HarnessError(f"val_bpb is {bpb} after training; lower the learning rates and run again.")
    t2 = time.time()
    n_params = sum(weights[s.target].numel() for s in ep.graph_signature.input_specs if s.kind.name == 'PARAMETER')
    return dict(val_bpb=bpb, eval_seconds=round(t2 - t1, 3), load_seconds=round(t1 - t0, 3), num_params=n_params,
                eval_tokens=int(h.eval_rows[:, 1:].numel()), fingerprint=h.fingerprint, device=str(device))
@dataclass
class Run:
    "What the driver saw of one isolated run."
    status: str = 'crash'      # 'ok' or 'crash'
    val_bpb: float = None
    reason: str = ''           # why it crashed, one sentence
    stats: dict = field(default_factory=dict)    # the child's own training figures: informative, never trusted
    timings: dict = field(default_factory=dict)  # the driver's clock: startup, warmup, training, stop latency, export, eval
    evaluation: dict = field(default_factory=dict)
    returncode: int = None
    log: str = ''

STEP_RE = re.compile(r'^step\s+\d+')
EXPORT_TIMEOUT_S = 120.0

def _read_lines(fd, buf: bytearray, timeout: float) -> list:
    "Lines that arrived on the control pipe within `timeout` seconds ([] on timeout, [None] at end of file)."
    r, _, _ = select.select([fd], [], [], max(0.0, timeout))
    if not r: return []
    chunk = os.read(fd, 65536)
    if not chunk: return [None]
    buf += chunk
    *lines, rest = bytes(buf).split(b'\n')
    buf[:] = rest
    return [l.decode(errors='replace').strip()[:400] for l in lines]

def _kill_group(pgid, grace=1.0):
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 0)):
        try: os.killpg(pgid, sig)
        except (ProcessLookupError, PermissionError): return
        t = time.monotonic()
        while time.monotonic() - t < wait:
            try: os.killpg(pgid, 0); time.sleep(0.02)
            except ProcessLookupError: return

def _last_line(text: str) -> str:
    lines = [l.strip() for l in text.strip().splitlines() if l.strip()]
    return lines[-1][:300] if lines else ''

def _sha256_copy(src: Path, dst: Path) -> str:
    "Copy `src` to `dst` (the driver's own directory) and return the sha256 of the bytes copied."
    data = src.read_bytes(); dst.write_bytes(data)
    return hashlib.sha256(data).hexdigest()
class _Child:
    "The driver's view of one child: its control pipe, the budget's clock and the log."
    def __init__(self, proc, fd, log_path, clock: Clock, budget: float, out: Path, evd: Path, on_line=None):
        self.proc, self.fd, self.clock, self.budget, self.out, self.evd, self.on_line = proc, fd, clock, budget, out, evd, on_line
        self.t0 = time.monotonic(); self.t = dict(launch=self.t0)
        self.buf, self.eof, self.reason, self.sha = bytearray(), False, '', None
        self.log, self.lbuf = open(log_path, 'rb'), b''

    def mark(self, k, when=None):
        if k not in self.t: self.t[k] = time.monotonic() if when is None else when

    def on_message(self, line):
        if line == 'ready': self.mark('ready')
        elif line == 'start' and 'ready' in self.t: self.mark('clock')
        elif line == 'snapshot' and 'snapshot' not in self.t:
            self.mark('snapshot')
            try: self.sha = _sha256_copy(self.out / 'weights.pt', self.evd / 'weights.pt')
            except OSError: self.reason = 'it said it handed over its weights, but there was no weights file'
        elif line == 'exported': self.mark('exported')
        elif line.startswith('refused ') and not self.reason: self.reason = f"the launcher refused {line[8:]}"

    def pump_log(self):
        chunk = self.log.read()
        if chunk and self.on_line:
            self.lbuf += chunk; *lines, self.lbuf = self.lbuf.split(b'\n')
            for l in lines: self.on_line(l.decode(errors='replace'))
def _step(self: _Child, timeout_s: float, stop=None) -> bool:
    "Advance the clock by at most 0.05 s; False once the run is over (ended, killed or refused)."
    now, t, c = time.monotonic(), self.t, self.clock
    if 'ready' in t and 'clock' not in t and now >= t['ready'] + c.warmup_s: self.mark('clock', t['ready'] + c.warmup_s)
    if 'clock' in t and 'stop' not in t and 'snapshot' not in t and now >= t['clock'] + self.budget:
        self.mark('stop')
        try: os.kill(self.proc.pid, signal.SIGUSR1)
        except ProcessLookupError: pass
    if 'stop' in t and 'snapshot' not in t and now > t['stop'] + c.grace_s:
        self.reason = (f"it did not hand over its model within {c.grace_s:g} s of the stop signal at the {self.budget:g} s budget "
                       "and was stopped: over budget (train_model must check harness.should_stop() every step)")
    elif 'snapshot' in t and 'exported' not in t and now > t['snapshot'] + EXPORT_TIMEOUT_S:
        self.reason = f"exporting the model took more than {EXPORT_TIMEOUT_S:.0f} s"
    elif now - self.t0 > timeout_s: self.reason = f"it ran past the {timeout_s:.0f} s timeout and was killed"
    elif stop is not None and stop.is_set(): self.reason = 'it was stopped by the user'
    if self.reason: return False
    lines = _read_lines(self.fd, self.buf, 0.05) if not self.eof else (time.sleep(0.05) or [])
    for l in lines:
        if l is None: self.eof = True
        else: self.on_message(l)
    self.pump_log()
    if self.reason: return False
    return self.proc.poll() is None or not self.eof

_Child.step = _step

def default_timeout(time_budget: float) -> float:
    "Hard timeout of one run: the budget plus start-up and evaluation margin (upstream: 5 min budget, kill at 10 min)."
    return float(max(2 * time_budget, time_budget + 120))

def _launch_cmd(python, script, out, ws, profile, cache, seed):
    return [python, '-m', 'autoresearch_lite.boundary', 'launch', str(script), '--out', str(out), '--workspace', str(ws),
            '--profile', profile, '--cache', cache, '--seed', str(seed)]

def _child_stage(script, prof, cache, seed, ws, tmp, timeout, log_path, on_line, stop, on_start, python) -> tuple:
    "Run the child under the driver's clock; returns `(child, returncode)`."
    out, evd = tmp / 'out', tmp / 'eval'; out.mkdir(); evd.mkdir()
    r_fd, w_fd = os.pipe()
    env = clean_env({CONTROL_FD_ENV: w_fd, 'PYTHONUNBUFFERED': '1', 'TQDM_DISABLE': '1'})
    with open(log_path, 'wb') as log:
        proc = subprocess.Popen(_launch_cmd(python, script, out, ws, prof.name, cache, seed), cwd=out, env=env, stdout=log,
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, pass_fds=(w_fd,), start_new_session=True)
    os.close(w_fd)
    if on_start: on_start(proc.pid)
    child = _Child(proc, r_fd, log_path, clock_for(prof), float(prof.time_budget), out, evd, on_line)
    try:
        while child.step(timeout, stop): pass
    finally:
        _kill_group(proc.pid, grace=0.0 if child.reason else 1.0); proc.wait(); os.close(r_fd)
        child.pump_log(); child.log.close()
    return child, proc.returncode
def _eval_stage(child, prof, cache, python, timeout) -> dict:
    "Copy the graph into the driver's directory and run the evaluator on it; the evaluator's result or `{'error': ...}`."
    try: shutil.copyfile(child.out / 'graph.json', child.evd / 'graph.json')
    except OSError: return dict(error='it handed over no exported graph')
    cmd = [python, '-m', 'autoresearch_lite.boundary', 'evaluate', '--graph', str(child.evd / 'graph.json'),
           '--weights', str(child.evd / 'weights.pt'), '--sha256', child.sha, '--profile', prof.name, '--cache', cache]
    t = time.monotonic()
    try: r = subprocess.run(cmd, cwd=child.evd, env=clean_env({'TQDM_DISABLE': '1'}), capture_output=True, text=True,
                            timeout=max(timeout, 60), start_new_session=True)
    except subprocess.TimeoutExpired: return dict(error=f'the evaluation took more than {max(timeout, 60):.0f} s')
    res = next((json.loads(l[8:]) for l in r.stdout.splitlines() if l.startswith('@result ')), None)
    if r.returncode or res is None:
        return dict(error='the evaluator refused the model: ' + (_last_line(r.stderr).removeprefix('error: ') or f'exit code {r.returncode}'))
    return dict(res, wall_seconds=round(time.monotonic() - t, 3))
def _timings(t: dict, budget: float) -> dict:
    d = lambda a, b: round(t[b] - t[a], 3) if a in t and b in t else None
    return dict(startup_s=d('launch', 'ready'), warmup_s=d('ready', 'clock'), train_s=d('clock', 'snapshot'),
                stop_latency_s=d('stop', 'snapshot'), export_s=d('snapshot', 'exported'), child_s=d('launch', 'end'), budget_s=budget)

def run_isolated(script, profile, cache_dir=None, seed: int = 0, workspace=None, timeout: float = None, log_path=None,
                 on_line: Callable = None, stop=None, on_start: Callable = None, python: str = sys.executable) -> Run:
    "Train `script` in a launched child under the driver's clock, then score its exported model in a separate evaluator."
    prof = get_profile(profile)
    timeout = float(timeout or default_timeout(prof.time_budget))
    cache = str(Path(cache_dir or default_cache_dir()).expanduser().resolve())
    script = Path(script).resolve(); ws = Path(workspace or script.parent).resolve()
    tmp = Path(tempfile.mkdtemp(prefix='autoresearch-run-'))
    log_path = Path(log_path or tmp / 'run.log')
    try:
        child, rc = _child_stage(script, prof, cache, seed, ws, tmp, timeout, log_path, on_line, stop, on_start, python)
        child.mark('end')
        run = Run(returncode=rc, log=str(log_path), timings=_timings(child.t, prof.time_budget))
        try: run.stats = json.loads((child.out / 'stats.json').read_text()[:10_000_000])
        except (OSError, ValueError): run.stats = {}
        if child.reason: run.reason = child.reason
        elif rc != 0: run.reason = f"it exited with code {rc}" + (f": {_last_line(log_path.read_text(errors='replace'))}")
        elif 'snapshot' not in child.t or not child.sha:
            run.reason = "it ended without handing over a trained model (train.py's main must return (model, stats))"
        if run.reason: return run
        ev = _eval_stage(child, prof, cache, python, timeout - (time.monotonic() - child.t0))
        run.evaluation, run.timings['eval_s'] = ev, ev.get('wall_seconds')
        if 'error' in ev: run.reason = ev['error']; return run
        run.status, run.val_bpb = 'ok', float(ev['val_bpb'])
        return run
    finally: shutil.rmtree(tmp, ignore_errors=True)
def run_summary(run: Run, profile) -> dict:
    "The upstream summary of an isolated run: val_bpb and the times are the driver's; the training figures are the child's."
    st, ev, tm = run.stats, run.evaluation, run.timings
    num = lambda k: st.get(k) if isinstance(st.get(k), (int, float)) and not isinstance(st.get(k), bool) else 0
    return dict(val_bpb=run.val_bpb, training_seconds=tm.get('train_s') or 0.0,
                total_seconds=(tm.get('child_s') or 0.0) + (tm.get('eval_s') or 0.0), peak_vram_mb=num('peak_vram_mb'),
                mfu_percent=num('mfu_percent'), total_tokens_M=num('total_tokens_M'), num_steps=int(num('num_steps')),
                num_params_M=ev.get('num_params', 0) / 1e6, depth=int(num('depth')), profile=get_profile(profile).name,
                fingerprint=ev.get('fingerprint'), timings=tm, reported=st)

def run_script(path) -> int:
    "What `python train.py` does: the same isolated run as the research loop, with the log on stdout and the summary block."
    from autoresearch_lite.tokenizer import env_profile, format_summary, write_summary_json
    seed = int(os.environ.get('AUTORESEARCH_LITE_SEED') or 0)
    run = run_isolated(path, env_profile(), default_cache_dir(), seed, on_line=lambda l: print(l, flush=True))
    if run.status != 'ok':
        print(f"error: the run crashed: {run.reason}", file=sys.stderr, flush=True); return 1
    s = run_summary(run, env_profile())
    print(format_summary(s), flush=True)
    if p := os.environ.get('AUTORESEARCH_LITE_SUMMARY'): write_summary_json(s, p)
    return 0

def _main(argv=None) -> int:
    "Entry point of the child (`launch`) and the evaluator (`evaluate`): `python -m autoresearch_lite.boundary ...`."
    import argparse
    ap = argparse.ArgumentParser(prog='python -m autoresearch_lite.boundary')
    sub = ap.add_subparsers(dest='cmd', required=True)
    la = sub.add_parser('launch'); la.add_argument('script'); la.add_argument('--out', required=True)
    la.add_argument('--workspace'); la.add_argument('--profile', required=True); la.add_argument('--cache'); la.add_argument('--seed', type=int, default=0)
    ev = sub.add_parser('evaluate'); ev.add_argument('--graph', required=True); ev.add_argument('--weights', required=True)
    ev.add_argument('--sha256', required=True); ev.add_argument('--profile', required=True); ev.add_argument('--cache')
    ev.add_argument('--device'); ev.add_argument('--batch-size', type=int, default=32)
    a = ap.parse_args(argv)
    try:
        if a.cmd == 'launch': return launch(a.script, a.out, a.workspace, a.profile, a.cache, a.seed)
        r = evaluate_graph(a.graph, a.weights, a.sha256, a.profile, a.cache, a.device, a.batch_size)
        print('@result ' + json.dumps(r), flush=True)
        return 0
    except (HarnessError, ValueError, Refused) as e:
        print(f"error: {e}", file=sys.stderr, flush=True)
        return 1

if __name__ == '__main__': sys.exit(_main())

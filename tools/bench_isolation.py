"""What the boundary costs per experiment: start-up of the launched child, export, the evaluator's start-up and
load, and the causality check, on one profile's baseline train.py (trained for a few steps only, so the figures
come without the budget). Usage: python tools/bench_isolation.py [--profile smoke|cpu] [--data sample] [--steps 3]"""
import argparse, tempfile, time
from pathlib import Path


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--profile', default='smoke'); ap.add_argument('--data', default='sample')
    ap.add_argument('--steps', type=int, default=3)
    a = ap.parse_args()
    import torch
    from autoresearch_lite.harness import prepare, evaluate_bpb
    from autoresearch_lite.workspace import SMOKE_BASELINE
    from autoresearch_lite.train import write_train_py
    from autoresearch_lite.boundary import run_isolated
    from autoresearch_lite.bench import _cpu_model
    tmp = Path(tempfile.mkdtemp())
    h = prepare(a.profile, data=a.data, cache_dir=tmp / 'cache', log=lambda *x: None)
    ws = tmp / 'ws'; ws.mkdir()
    over = dict(SMOKE_BASELINE if a.profile == 'smoke' else {}, max_steps=a.steps, exclude_steps=0)
    script = write_train_py(ws / 'train.py', **over)
    t0 = time.time()
    run = run_isolated(script, a.profile, tmp / 'cache', seed=0)
    wall = time.time() - t0
    assert run.status == 'ok', run.reason
    tm, ev = run.timings, run.evaluation
    print(f'profile {a.profile}, {torch.get_num_threads()} threads, {_cpu_model()}, torch {torch.__version__}')
    print(f'model {ev["num_params"] / 1e6:.2f} M parameters, eval {ev["eval_tokens"]:,} tokens, {a.steps} training steps')
    print(f'child start-up (interpreter, imports, training view, hook)  {tm["startup_s"]:.2f} s')
    print(f'export (torch.export to a JSON graph)                        {tm["export_s"]:.2f} s')
    print(f'evaluator process, wall                                      {ev["wall_seconds"]:.2f} s')
    print(f'  of which start-up, harness and graph load                  {ev["load_seconds"]:.2f} s')
    print(f'  of which scoring with the causality check                  {ev["eval_seconds"]:.2f} s')
    # the check's share: the same rows scored in-process with and without it, on the rebuilt graph's eager twin
    from autoresearch_lite.model import GPT, build_config
    from autoresearch_lite.train import config_with
    cfg = config_with(over)
    m = GPT(build_config(cfg.depth, cfg.aspect_ratio, cfg.head_dim, cfg.n_kv_head, h.profile.max_seq_len, h.vocab_size,
                         cfg.window_pattern)).eval()
    bs = cfg.eval_batch_size or cfg.device_batch_size
    t = time.time(); evaluate_bpb(m, h.eval_rows, h.token_bytes, bs, causal_check=False); plain = time.time() - t
    t = time.time(); evaluate_bpb(m, h.eval_rows, h.token_bytes, bs, causal_check=True); checked = time.time() - t
    print(f'scoring in-process without / with the check (eager model)    {plain:.2f} / {checked:.2f} s')
    print(f'isolation overhead per run (start-up + export + evaluator start-up and load + check)  '
          f'{tm["startup_s"] + tm["export_s"] + ev["load_seconds"] + (checked - plain):.1f} s; whole run {wall:.1f} s')


if __name__ == '__main__': main()

"Mutants of the harness chapter (nbs/02_harness.ipynb): realistic one-line bugs its tests must catch."
MUTANTS = [
    # the causality check, weakened
    dict(nb='02_harness', old="return (d * before).amax().item()", new="return (d * before)[:, 0].amax().item()",
         why="the causality check compares position 0 only: a model that looks ahead anywhere later in the row is "
             "scored, and its val_bpb is far too good."),
    dict(nb='02_harness', old="return (d * before).amax().item()", new="return (d * before)[0].amax().item()",
         why="the causality check compares the first row of each batch only (one cut point): a look-ahead at a "
             "position that row's cut does not reach is scored."),
    dict(nb='02_harness', old="return (d * before).amax().item()",
         new="return (d * before).amax().item() / max(1.0, ref.abs().amax().item())",
         why="the change is measured against the largest logit: one logit at -1e30 that is never scored (an extra "
             "column, or BOS) makes any look-ahead pass."),
    dict(nb='02_harness', old="return 1 + (start + torch.arange(n_rows)) % max(T - 1, 1)",
         new="return 1 + (start + torch.arange(n_rows)) % max(T // 2, 1)",
         why="the cut points cover the first half of the row only: a model that looks ahead only in the second "
             "half is never caught."),
    dict(nb='02_harness', old="seed if seed is not None else int.from_bytes(os.urandom(7), 'little')",
         new="seed if seed is not None else 0",
         why="the check's random choices are the same at every evaluation: a model that looks ahead at the "
             "positions never checked is scored, evaluation after evaluation."),
    dict(nb='02_harness', old="if causal_check:", new="if causal_check and i == 0:",
         why="only the first batch is checked: a model that looks ahead on other rows is scored."),
    dict(nb='02_harness', old="tol = tol if tol is not None else (1e-3 if autocast is None else 0.25)",
         new="tol = tol if tol is not None else (0.25 if autocast is None else 1e-3)",
         why="the fp32 and autocast tolerances are swapped: in fp32 a look-ahead worth up to 0.25 nats a token "
             "passes."),
    dict(nb='02_harness', old="before = torch.arange(T, device=ref.device)[None] < cuts.to(ref.device)[:, None]",
         new="before = torch.arange(T, device=ref.device)[None] <= cuts.to(ref.device)[:, None]",
         why="off by one: the position at the cut, whose input did change, is compared too, so every honest model "
             "that reads its own token is refused as not causal."),
    # the metric
    dict(nb='02_harness', old="nats += loss.double()[nb > 0].sum()", new="nats += loss.double().sum()",
         why="BOS targets (0 bytes) are counted in the loss: val_bpb is too high, more so for short documents."),
    dict(nb='02_harness', old="return (nats / (math.log(2) * nbytes.double())).item()",
         new="return (nats / nbytes.double()).item()",
         why="wrong log base: val_bpb is nats per byte, 0.69 times the bits per byte it claims to be."),
    dict(nb='02_harness', old="for i in range(0, len(rows), batch_size):",
         new="for i in range(0, len(rows) - batch_size + 1, batch_size):",
         why="the last, partial batch is dropped: rows at the end of the eval set are never scored and val_bpb "
             "depends on the batch size."),
    dict(nb='02_harness', old="x, yy = b[:, :-1], b[:, 1:]", new="x, yy = b[:, 1:], b[:, 1:]",
         why="off by one: the model is given the targets as its inputs, so a causal model that copies its input "
             "scores almost 0."),
    dict(nb='02_harness', old="try: model.eval()", new="try: model.eval",
         why="the model is never put in eval mode: dropout stays on during scoring and the check refuses it."),
    dict(nb='02_harness', old="if was_training: model.train()", new="if was_training: pass",
         why="a model evaluated mid-training is left in eval mode: the rest of its training runs without dropout."),
    # what the research code gets, and the report
    dict(nb='02_harness', old="self.token_bytes = token_bytes.clone()", new="self.token_bytes = token_bytes",
         why="the view shares the harness's byte table: research code that edits it changes val_bpb in-process."),
    dict(nb='02_harness',
         old="HARNESS_MODULES = ('data.py', 'tokenizer.py', 'harness.py', 'boundary.py', 'evaluator.py', 'sandbox.py')",
         new="HARNESS_MODULES = ('data.py', 'tokenizer.py', 'harness.py', 'boundary.py', 'sandbox.py')",
         why="the evaluator's code is left out of the fingerprint: results scored by two versions of it are "
             "compared as if they were one harness."),
    dict(nb='02_harness', old="self.interruptible = False\n            raise StopTraining()",
         new="raise StopTraining()",
         why="a stop that came before the training loop leaves the view interruptible: a second signal interrupts "
             "the handover."),
    dict(nb='02_harness', old="'seed': harness.seed}", new="'seed': stats.get('seed', harness.seed)}",
         why="the summary takes the seed train.py reports instead of the harness's: a forged seed is recorded."),
    dict(nb='02_harness', old="if not math.isfinite(val_bpb):", new="if math.isnan(val_bpb):",
         why="an infinite val_bpb (a diverged model) is reported as a number instead of refused."),
]

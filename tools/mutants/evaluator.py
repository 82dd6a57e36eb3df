"Mutants of the evaluator chapter (nbs/02b_evaluator.ipynb): realistic one-line bugs its tests must catch."
MUTANTS = [
    dict(nb='02b_evaluator', old="bpb = evaluate_bpb(fwd, h.eval_rows, h.token_bytes, batch_size, device)",
         new="bpb = evaluate_bpb(fwd, h.eval_rows, h.token_bytes, batch_size, device, causal_check=False)",
         why="the evaluator skips the causality check (the graph was checked, after all): a model that looks ahead "
             "is scored, far too well."),
    dict(nb='02b_evaluator', old="|_local_scalar|rand|bernoulli|", new="|_local_scalar|bernoulli|",
         why="aten.rand is missing from the denied operations: a model with noise in its forward is scored, and "
             "can spread its probability differently on each call."),
    dict(nb='02b_evaluator', old="if getattr(getattr(n.target, '_schema', None), 'is_mutable', False):",
         new="if getattr(getattr(n, '_schema', None), 'is_mutable', False):",
         why="the in-place check looks at the node instead of its operation, so it never fires: a model that "
             "counts its calls in a buffer keeps state between evaluation batches."),
    dict(nb='02b_evaluator', old="    check_graph(ep, weights)\n    return ep", new="    return ep",
         why="load_graph no longer checks the graph it rebuilt: impure models (in-place state, randomness) are "
             "scored."),
    dict(nb='02b_evaluator', old="weights_only=True", new="weights_only=False",
         why="the handed-over weights are unpickled in full: a pickle from the child runs its code in the evaluator."),
    dict(nb='02b_evaluator', old="if missing := [k for k in params + buffers + consts if k not in weights]:",
         new="if missing := [k for k in params + buffers if k not in weights]:",
         why="tensor constants are not checked against the handed-over weights: a model with an unregistered "
             "tensor gets a confusing load error instead of the advice to register it."),
    dict(nb='02b_evaluator', old="if not math.isfinite(bpb):", new="if math.isnan(bpb):",
         why="an infinite val_bpb (a diverged model) is reported as a number instead of refused."),
    dict(nb='02b_evaluator', old="if s.kind.name == 'PARAMETER')", new="if s.kind.name in ('PARAMETER', 'BUFFER'))",
         why="the reported model size counts buffers (rotary tables) as parameters: num_params_M is too large."),
]

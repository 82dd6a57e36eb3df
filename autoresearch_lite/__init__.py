"""Autonomous ML research on a free GPU or a plain CPU: an agent edits one training script, trains a small GPT on TinyStories for a fixed time budget, and keeps only real val_bpb improvements.

Modules:

- `autoresearch_lite.bench`: `autoresearch-lite bench`: the figures of this project measured on the machine at hand (data preparation, loader, training speed and MFU, evaluation, val_bpb at a fixed budget, the loop's overhead), with the results page.
- `autoresearch_lite.data`: Named profiles that fix what val_bpb means, TinyStories from the hub or local files, a tokenized cache on disk and a best-fit packing loader that never starves the GPU.
- `autoresearch_lite.device`: The hardware side of the harness: which device trains, in which precision, how fast it can go (MFU's peak), and how much memory it used.
- `autoresearch_lite.edits`: The edit format a proposer answers in, how a reply is parsed and applied to `train.py`, and the checks that refuse an edit that reaches for the evaluation.
- `autoresearch_lite.evaluator`: What scores a run: the exported graph, rebuilt from JSON with the handed-over weights (no pickle), checked to be a pure function of its input, and scored on the fixed rows.
- `autoresearch_lite.fakes`: A fake `train.py`, a fake runner and scripted LLM replies that stand in for the real ones in the loop chapters' tests.
- `autoresearch_lite.harness`: The fixed part of every run: val_bpb (checked to be causal), `prepare`, the `Harness` a run trains and is scored with, the run's environment and its report.
- `autoresearch_lite.keep`: When a candidate is kept: enough baseline runs, a pooled noise with a floor, a screen and fresh confirmations, and throughput checks so that a busy machine is never judged.
- `autoresearch_lite.keepbench`: `autoresearch-lite bench --aa N` and `--power N`: the keep rule's false keeps and power, measured through the real loop with scripted proposers whose truth is known, with the results.
- `autoresearch_lite.loop`: An agent edits the workspace's `train.py`, trains for the budget, and keeps only real improvements: the loop that ties the other chapters together, step by step, and its recovery after `kill -9`.
- `autoresearch_lite.model`: A small GPT in the upstream autoresearch design: RoPE, QK-norm, GQA, sliding windows, value embeddings, ReLU² MLP, soft-capped logits.
- `autoresearch_lite.optim`: Muon for the matrices, AdamW for the rest, and the learning-rate, momentum and weight-decay schedules: the optimizer half of `train.py`.
- `autoresearch_lite.panel`: Sliders for the main constants of `train.py`, a Train button, the live loss curve and the summary: training by hand in a notebook.
- `autoresearch_lite.progress`: The progress plot, a real loop on the shipped sample, and the notebook panel that runs the loop in the background and shows it live.
- `autoresearch_lite.proposers`: Where the edits come from: a search over the constants of `train.py` that needs no key, or any LLM through `litellm`, with keys that never show, a prompt sized for the model's window, and retries by kind of failure.
- `autoresearch_lite.runs`: One run of `train.py` through the boundary, checked afterwards; the ledger that records every experiment and survives a crash mid-write; and the state of the ratchet, read back from the ledger.
- `autoresearch_lite.sandbox`: What the child running `train.py` may reach: an environment without the user's secrets, and an audit hook that refuses the caches, the installed code, the network, ctypes and foreign programs.
- `autoresearch_lite.tokenizer`: A byte-level BPE trained on the training text, saved with an integrity check, and the exact number of bytes each token stands for: what val_bpb, in the harness chapter, is measured in.
- `autoresearch_lite.train`: The research surface: its constants, its training loop, and the generator that writes them, with the model and the optimizer, into one file. The library trains by running that same text.
- `autoresearch_lite.workspace`: A git repository holding `train.py` on its own branch, its recorded configuration, the research protocol `program.md`, and a lock so that one loop at a time works in it."""

__version__ = "0.3.0"

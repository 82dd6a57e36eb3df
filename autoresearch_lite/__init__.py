"""Autonomous ML research on a free GPU or a plain CPU: an agent edits one training script, trains a small GPT on TinyStories for a fixed time budget, and keeps only real val_bpb improvements.

Modules:

- `autoresearch_lite.keep`: When a candidate is kept: enough baseline runs, a pooled noise with a floor, a screen and fresh confirmations, and throughput checks so that a busy machine is never judged."""

__version__ = "0.3.0"

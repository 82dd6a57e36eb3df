"Mutants of the workspace, the runs and the ledger, and the loop's recovery (nbs/07_workspace, 07a_runs, 09_loop)."
MUTANTS = [
    # the workspace: git, the lock
    dict(nb='07_workspace', old="r.git.clean('-fdq')", new="r.git.clean('-fdxq')",
         why="reset_to also removes ignored files: throwing a candidate away deletes the ledger, results.tsv and the "
             "loop's state."),
    dict(nb='07_workspace', old="r.head.reset(commit, index=True, working_tree=True); r.git.clean('-fdq')",
         new="r.head.reset(commit, index=True, working_tree=True)",
         why="reset_to does not clean: files a discarded candidate's run left behind stay in the workspace and in the "
             "next experiment."),
    dict(nb='07_workspace', old="results.tsv\nledger.jsonl\n", new="results.tsv\n",
         why="the ledger is not ignored by git: every reset's clean deletes ledger.jsonl, and with it the night's "
             "record."),
    dict(nb='07_workspace', old="skip_hooks=True", new="skip_hooks=False",
         why="commit_all runs the hooks in .git/hooks: a planted pre-commit hook runs code (or refuses every commit) "
             "in the loop."),
    dict(nb='07_workspace', old="if age > self.stale_after:", new="if age > self.every:",
         why="a lock is stale after one heartbeat interval instead of stale_after: a live loop that missed one beat is "
             "taken over, and two loops reset each other's commits."),
    dict(nb='07_workspace', old="if here and not _pid_alive(pid):", new="if not _pid_alive(pid):",
         why="the host is ignored: a live loop on another machine whose pid does not exist here is taken over at "
             "once."),
    dict(nb='07_workspace', old="os.O_CREAT | os.O_EXCL | os.O_WRONLY", new="os.O_CREAT | os.O_WRONLY",
         why="the lock file is not created exclusively: a second loop takes a lock that is held."),
    # runs, the ledger, the ratchet
    dict(nb='07a_runs', old="best=inc and inc['mean']",
         new="best=min((r['val_bpb'] for r in same if r['val_bpb'] is not None), default=None)",
         why="the best is taken over all records, discards included: a discarded near miss becomes the value every "
             "later candidate must beat."),
    dict(nb='07a_runs', old="(fingerprint is None or r.get('fingerprint') == fingerprint)",
         new="(fingerprint is None or r.get('fingerprint'))",
         why="the harness fingerprint is not compared: a keep measured with another harness becomes the incumbent."),
    dict(nb='07a_runs', old="n_next=max([r['n'] for r in exps], default=0) + 1",
         new="n_next=max([r['n'] for r in same], default=0) + 1",
         why="the next number counts only this profile's records: numbers are reused, and a pending experiment is "
             "taken as already recorded."),
    dict(nb='07a_runs', old="for attempt in range(1 + LATE_RERUNS):", new="for attempt in range(LATE_RERUNS):",
         why="off by one: a late run is retried once fewer than LATE_RERUNS says, and a busy moment becomes a crash."),
    dict(nb='07a_runs', old="if run.status != 'late' or (stop is not None and stop.is_set()): break",
         new="if run.status != 'late': break",
         why="a stop from the user does not end the late reruns: the loop keeps training after it was told to stop."),
    dict(nb='07a_runs', old="try: os.ftruncate(fd, size)", new="try: os.ftruncate(fd, os.fstat(fd).st_size)",
         why="a failed append is not cut back: half a record stays in the ledger and the next record is glued to it "
             "and lost."),
    # the loop: recovery, the reset after a discard, seeds
    dict(nb='09_loop', old="reset_to(ws, last_kept_commit(ws, ledger.records()))",
         new="reset_to(ws, pend.get('commit') or last_kept_commit(ws, ledger.records()))",
         why="recovery resets to the interrupted candidate, not to the last kept commit: after a kill the workspace "
             "sits on a crashed experiment's code."),
    dict(nb='09_loop',
         old="if pend.get('n') and not any(r.get('type') == 'experiment' and r['n'] == pend['n'] for r in recs):",
         new="if pend.get('n'):",
         why="recovery records the pending experiment even when its record was already written: the ledger holds it "
             "twice, once as a crash."),
    dict(nb='09_loop', old="if x.status != 'keep': reset_to(self.ws, x.parent)",
         new="if x.status == 'crash': reset_to(self.ws, x.parent)",
         why="a discarded candidate is not reset: the workspace stays on it after the loop ends."),
    dict(nb='09_loop', old="own = SEED_STRIDE * x.n if role in ('select', 'confirm') else 0",
         new="own = SEED_STRIDE * x.n if role == 'select' else 0",
         why="confirmation runs reuse the incumbent's seeds: on a token budget a no-op reproduces the incumbent's "
             "numbers and the t-test's samples are not independent."),
    dict(nb='09_loop', old=" + sum(r['commit'] == target for r in x.pend['runs'])", new="",
         why="repeated runs within one experiment share a seed: the five baseline runs are identical and the noise "
             "is measured as zero."),
    dict(nb='09_loop', old="target = x.parent if role == 'incumbent' else x.commit", new="target = x.commit",
         why="the incumbent check runs the candidate's code: the machine check compares the candidate with itself."),
    dict(nb='07a_runs', old="if size and os.pread(fd, 1, size - 1) != b'\\n': line = b'\\n' + line", new="pass",
         why="after a power cut tore the ledger's last line, the next record is glued onto it and both are lost."),
]

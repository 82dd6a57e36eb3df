"Mutants of the boundary chapter (nbs/02a_boundary.ipynb): realistic one-line bugs its tests must catch."
MUTANTS = [
    dict(nb='02a_boundary', old="now > t['stop'] + c.late_s", new="now > t['stop'] + c.grace_s",
         why="grace and late limit confused: a child that hands over after the grace is killed and recorded as an "
             "over-budget crash instead of a late run that is run again."),
    dict(nb='02a_boundary', old="if late > child.clock.grace_s:", new="if late > child.clock.late_s:",
         why="a handover after the grace is judged: a script that keeps training past the stop gets a score."),
    dict(nb='02a_boundary', old="self.mark('stop'); self.stopped_by = 'time'", new="self.stopped_by = 'time'",
         why="the driver does not record when it sent the stop: a child that ignores it is never killed as over "
             "budget and trains on until the hard timeout."),
    dict(nb='02a_boundary', old="now >= t['clock'] + self.budget", new="now >= t['ready'] + self.budget",
         why="the budget is counted from the launcher's ready instead of the clock's start: the warm-up eats "
             "training time and runs train less than their budget."),
    dict(nb='02a_boundary', old="if k not in self.t: self.t[k] = time.monotonic() if when is None else when",
         new="self.t[k] = time.monotonic() if when is None else when",
         why="a late `start` restarts the budget's clock: a script that says it after the warm-up trains longer "
             "than the budget allows."),
    dict(nb='02a_boundary', old="try: os.killpg(pgid, sig)", new="try: os.kill(pgid, sig)",
         why="only the child is killed, not its process group: workers it started (compilers, data loaders) "
             "outlive the run and hold the machine."),
    dict(nb='02a_boundary', old="elif rc != 0:", new="elif rc > 0:",
         why="a child killed by a signal (the OOM killer, a segfault) after its snapshot is judged as an ok run "
             "instead of a crash."),
    dict(nb='02a_boundary', old="if child.stopped_by == 'time' and child.server:",
         new="if child.stopped_by is None and child.server:",
         why="a token-budget run stopped by the time cap is judged although it trained only part of its tokens."),
]

"Mutants of the keep rule (nbs/04b_keep.ipynb): each a realistic one-line bug that the chapter's tests must catch."
MUTANTS = [
    dict(nb='04b_keep', old="q = t_quantile(1 - self.rule.alpha, dof)", new="q = t_quantile(1 - 0.02, dof)",
         why="alpha is ignored (the default level is always used): a user asking for fewer false keeps gets the same "
             "keeps as before."),
    dict(nb='04b_keep', old="q = t_quantile(1 - self.rule.alpha, dof)",
         new="q = t_quantile(1 - self.rule.alpha / 2, dof)",
         why="a two-sided quantile for a one-sided test: every gain needs a larger margin than the level asks, and "
             "real gains are lost."),
    dict(nb='04b_keep',
         old="return self.noise_floor if self.noise_floor is not None else NOISE_FLOORS.get(profile, 0.001)",
         new="return NOISE_FLOORS.get(profile, 0.001)",
         why="the noise_floor setting is ignored: the profile's floor is always used, whatever the user set."),
    dict(nb='04b_keep', old="return max(floor, raw or 0.0), dof, raw", new="return raw or floor, dof, raw",
         why="the floor only stands in when there is no estimate: a lucky, tiny measured noise makes the rule keep "
             "gains that are only noise."),
    dict(nb='04b_keep', old="if t < self.rule.screen: return 'discard', sel['val_bpb']",
         new="if t < 0.5: return 'discard', sel['val_bpb']",
         why="the screen setting is ignored: a stricter or looser screen makes no difference to what is confirmed."),
    dict(nb='04b_keep', old="if len(confirms) >= self.rule.max_confirm or t < self.rule.drop",
         new="if len(confirms) > self.rule.max_confirm or t < self.rule.drop",
         why="off by one: a candidate gets one confirmation run more than max_confirm allows."),
    dict(nb='04b_keep', old="if len(confirms) >= self.rule.max_confirm or t < self.rule.drop",
         new="if len(confirms) >= self.rule.max_confirm",
         why="the drop is never checked: a candidate whose confirmations are worse than the incumbent keeps running "
             "to the cap, wasting runs."),
    dict(nb='04b_keep', old="kept = [r for r in records if r.get('type') == 'experiment' and r['status'] == 'keep']",
         new="kept = [r for r in records if r.get('type') == 'experiment' and r['status'] != 'crash']",
         why="the incumbent is taken over discards too: a discarded candidate becomes the commit the next experiments "
             "are measured against."),
    dict(nb='04b_keep', old="while len(self.vals) < self.rule.incumbent_runs or self.stale:",
         new="while len(self.vals) < self.rule.baseline_runs or self.stale:",
         why="incumbent_runs is ignored: a close call is judged against the baseline's few runs, not the sharper "
             "estimate the user asked for."),
    dict(nb='04b_keep', old="n - last >= rule.remeasure_every", new="n - last >= 10",
         why="remeasure_every is ignored: the incumbent is re-measured every 10 experiments whatever the setting."),
    dict(nb='04b_keep', old="value = statistics.mean(confirms)",
         new="value = statistics.mean([sel['val_bpb']] + confirms)",
         why="the screening run counts in the kept value (the winner's curse): the kept value is biased low and the "
             "next candidates look worse than they are."),
    dict(nb='04b_keep', old="departs(r.get('tokens_per_second'), ref, self.rule.margin) == 0",
         new="departs(r.get('tokens_per_second'), ref, 0.4) == 0",
         why="the margin is ignored for candidates: on a token budget (margin infinity) a slow candidate still sets "
             "off incumbent checks and reruns."),
    dict(nb='04b_keep', old="se = sigma * math.sqrt(1 / len(cand) + 1 / len(inc))",
         new="se = sigma * math.sqrt(1 / len(inc))",
         why="the standard error leaves out the candidate's own noise: no-ops are kept far more often than alpha."),
]

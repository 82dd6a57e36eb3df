"Mutants of the edit checks (nbs/06_edits.ipynb): each a realistic one-line bug that the chapter's tests must catch."
MUTANTS = [
    dict(nb='06_edits', old="if region and (fixed_region(new) != region or new.count(FIXED_BEGIN) != 1",
         new="if region and (new.count(FIXED_BEGIN) != 1",
         why="the fixed region is no longer compared: an edit inside a fixed region that code follows (so the tail "
             "check does not apply) changes the evaluation unnoticed."),
    dict(nb='06_edits', old="or (old.rstrip().endswith(region) and not new.rstrip().endswith(region))):",
         new="or (old.endswith(region) and not new.endswith(region))):",
         why="the tail check forgets the file's last newline and never fires: code appended after the fixed tail "
             "(a second summary line) is accepted."),
    dict(nb='06_edits', old='if n > 1: raise EditError(f"OLD block {k} occurs',
         new='if n > 2: raise EditError(f"OLD block {k} occurs',
         why="off by one: an OLD block found twice is not refused as ambiguous, and the first copy is silently the "
             "one replaced."),
    dict(nb='06_edits', old="node.func.id in ('setattr', 'delattr')", new="node.func.id == 'setattr'",
         why="delattr on the harness is not refused: an edit can delete a part of the harness object."),
    dict(nb='06_edits',
         old="if (isinstance(n, (ast.Attribute, ast.Subscript)) and isinstance(n.ctx, (ast.Store, ast.Del))",
         new="if (isinstance(n, (ast.Attribute, ast.Subscript)) and isinstance(n.ctx, ast.Store)",
         why="`del harness.x` is not refused: only assignments to the harness object count as monkeypatching."),
    dict(nb='06_edits', old="'environ', 'getenv')", new="'environ')",
         why="getenv is dropped from the forbidden words: an edit can read the process environment through "
             "os.getenv."),
    dict(nb='06_edits', old="if code_new.count(word) > code_old.count(word):",
         new="if word in code_new and word not in code_old:",
         why="a forbidden word that train.py's code already uses may be used again anywhere: a file that calls "
             "inspect once can add inspect.currentframe() to reach the harness."),
    dict(nb='06_edits', old="if t.type != tokenize.COMMENT]", new="if t.type != tokenize.NL]",
         why="comments are read as code: an honest comment that mentions inspect or getenv is refused."),
    dict(nb='06_edits', old="try: compile(out, EDITABLE_FILE, 'exec')",
         new="try: compile(source, EDITABLE_FILE, 'exec')",
         why="the file before the edit is compiled instead of the result: an edit that does not parse gets a "
             "SyntaxError instead of the sentence sent back to the proposer."),
    dict(nb='06_edits', old="if protected_lines(old) != protected_lines(new):",
         new="if set(protected_lines(old)) - set(protected_lines(new)):",
         why="only changed or removed protected lines are refused: a new `val_bpb = 0.5` line is accepted."),
    dict(nb='06_edits', old="if Path(m.group(1)).name != EDITABLE_FILE or m.group(1).strip('./') != EDITABLE_FILE:",
         new="if Path(m.group(1)).name != EDITABLE_FILE:",
         why="only the file name is checked: a reply that edits the library's autoresearch_lite/train.py is applied to "
             "the workspace's train.py instead of being refused."),
]

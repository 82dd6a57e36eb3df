"Mutants of the tokenizer chapter (nbs/01_tokenizer.ipynb): each a realistic one-line bug its tests must catch."
MUTANTS = [
    dict(nb='01_tokenizer', old="if vocab_size < 257 + 1 or vocab_size > 2**16:",
         new="if vocab_size < 257 + 1 or vocab_size >= 2**16:",
         why="off by one: the largest vocabulary whose ids fit uint16 (65,536) is refused."),
    dict(nb='01_tokenizer', old="if vocab_size < 257 + 1 or vocab_size > 2**16:",
         new="if vocab_size < 257 or vocab_size > 2**16:",
         why="off by one: a vocabulary of 257 (bytes and BOS, no room for a single merge) is accepted."),
    dict(nb='01_tokenizer', old="t = t[:max_chars - n]; n += len(t)", new="t = t[:max_chars - n]; n += 1",
         why="the cap counts documents instead of characters: the tokenizer trains on far more text than the profile "
             "allows."),
    dict(nb='01_tokenizer', old="t = t[:max_chars - n]; n += len(t)", new="n += len(t)",
         why="the cap only stops between documents: the last document is kept whole and the tokenizer sees more than "
             "max_chars characters."),
    dict(nb='01_tokenizer', old=r"""\p{N}{1,3}| ?""", new=r"""\p{N}+| ?""",
         why="numbers are no longer cut into groups of three digits: long numbers merge into tokens of their own."),
    dict(nb='01_tokenizer', old="pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False)",
         new="pre_tokenizers.ByteLevel(add_prefix_space=True, use_regex=False)",
         why="a space is added in front of every piece: the text the tokenizer encodes is not the text given."),
    dict(nb='01_tokenizer', old="out[i] = len(s)", new="out[i] = len(s.encode())",
         why="byte lengths are measured on the byte-alphabet string's UTF-8, counting 2 for a space: val_bpb "
             "divides by the wrong number of bytes."),
    dict(nb='01_tokenizer', old="if i >= vocab_size:", new="if i > vocab_size:",
         why="off by one: an id equal to vocab_size crashes with an IndexError instead of the sentence that says "
             "how to fix it."),
    dict(nb='01_tokenizer', old="if s in specials: continue", new="if s == BOS: continue",
         why="only BOS counts as a special: any other special token of a tokenizer is charged as text bytes."),
    dict(nb='01_tokenizer', old="if not path.exists():", new="if not path.parent.exists():",
         why="a missing tokenizer file in an existing directory fails inside `tokenizers` with its own error, not "
             "the sentence that says to run prepare."),
]

#!/usr/bin/python3
"""Regenerates tests/data/pre-tokenizer-golden.tsv (NOT run by CI): how the GPT-2, Llama 3 and Qwen2
pre-tokenizer regexes split a varied set of texts, computed with the `regex` module (python3-regex).
Usage: /usr/bin/python3 tests/data/pre-tokenizer-reference.py > tests/data/pre-tokenizer-golden.tsv
Output: "pattern<TAB>escaped text<TAB>UTF-8 byte length of each piece"; escapes as in gpt2-reference-tokenize.py.
"""
import regex

PATTERNS = {
    "gpt2": r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+""",
    "llama3": r"""(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+""",
    "qwen2": r"""(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+""",
}

TEXTS = [
    "Hello world",
    "I'm sure they've said it's 'fine'; WE'LL see, SHE'D go. You're right",
    "  multiple   spaces  here  ",
    "tabs\tand\nnewlines\n\nend\n",
    "Mixed\r\nCRLF\r\n  \r\n  indented",
    "a  \n  b\n \n",
    "Café déjà vu — naïve résumé",
    "日本語のテキストと中文字符，标点。",
    "emoji 🙂👍🏽 and 👨‍👩‍👧 ok",
    "numbers 12345 3.14159 1,000,000 and ١٢٣٤ ² ½",
    "code:\n\tfor (int i = 0; i < n; ++i) { x += y[i]; }\n",
    "!!!??? ... --- *** $$$ 100%\n\n",
    "no\u00a0break and\u2003em\u3000space",
    "(hello) [world] {x}",
    "x'sy 's 'll 'LL '",
    "   ",
    "end with newline\n",
]


def escape(text):
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


for name, pattern in PATTERNS.items():
    pat = regex.compile(pattern)
    for text in TEXTS:
        pieces = regex.findall(pat, text)
        assert "".join(pieces) == text
        print(name + "\t" + escape(text) + "\t" + " ".join(str(len(p.encode("utf-8"))) for p in pieces))

#!/usr/bin/python3
"""Independent GPT-2 BPE reference that regenerates tests/data/gpt2-golden.tsv (NOT run by CI).

Follows openai/gpt-2 src/encoder.py (bytes_to_unicode, get_pairs, the pre-tokenizer regex, rank-ordered
merges) using the `regex` module for \\p{L}/\\p{N} (Debian: apt-get install python3-regex).
Usage: /usr/bin/python3 tests/data/gpt2-reference-tokenize.py ../shared/data/tokenizers/gpt2 > tests/data/gpt2-golden.tsv
Output: one line per text, "escaped text<TAB>space-separated ids"; the text escapes \\ as \\\\, tab as \\t,
newline as \\n and carriage return as \\r.
"""
import json
import sys

import regex

TEXTS = [
    "Hello world",
    " Hello world",
    "Hello, world!",
    "I'm sure they've said it's 'fine'; we'll see, she'd go. You're right, I'd say",
    "ALL CAPS DON'T WON'T 'S 'T ''quoted''",
    "  multiple   spaces  here  ",
    "tabs\tand\nnewlines\n\nend\n",
    "Mixed\r\nCRLF line endings\r\n",
    "a  \n  b",
    "trailing space ",
    "   ",
    "\n",
    "Café déjà vu — naïve résumé, coöperate",
    "Straße Ελληνικά русский עברית العربية हिन्दी",
    "日本語のテキストと中文字符，标点。",
    "emoji 🙂👍🏽 and family 👨‍👩‍👧 ok",
    "numbers 12345 3.14159 1,000,000 and ١٢٣ ² ½",
    "code: for (int i = 0; i < n; ++i) { x += y[i]; }",
    "URL https://example.com/path?q=1&r=2#frag",
    "no\u00a0break and\u2003em space and\u3000ideographic",
    "antidisestablishmentarianism supercalifragilisticexpialidocious",
    "!!!??? ... --- *** $$$ 100%",
    "He said: \"It's 5 o'clock\" (really?)",
    "The quick brown fox jumps over the lazy dog.",
    "x'sy 's 'll 'LL",
]


def bytes_to_unicode():
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, map(chr, cs)))


def get_pairs(word):
    return {(word[i], word[i + 1]) for i in range(len(word) - 1)}


class Encoder:
    def __init__(self, encoder, merges):
        self.encoder = encoder
        self.byte_encoder = bytes_to_unicode()
        self.ranks = {m: i for i, m in enumerate(merges)}
        self.pat = regex.compile(r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+""")

    def bpe(self, token):
        word = tuple(token)
        pairs = get_pairs(word)
        while pairs:
            bigram = min(pairs, key=lambda p: self.ranks.get(p, float("inf")))
            if bigram not in self.ranks:
                break
            first, second = bigram
            new_word = []
            i = 0
            while i < len(word):
                try:
                    j = word.index(first, i)
                except ValueError:
                    new_word.extend(word[i:])
                    break
                new_word.extend(word[i:j])
                i = j
                if word[i] == first and i < len(word) - 1 and word[i + 1] == second:
                    new_word.append(first + second)
                    i += 2
                else:
                    new_word.append(word[i])
                    i += 1
            word = tuple(new_word)
            pairs = get_pairs(word)
        return word

    def encode(self, text):
        ids = []
        for token in regex.findall(self.pat, text):
            mapped = "".join(self.byte_encoder[b] for b in token.encode("utf-8"))
            ids.extend(self.encoder[t] for t in self.bpe(mapped))
        return ids


def escape(text):
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def main():
    folder = sys.argv[1]
    with open(f"{folder}/encoder.json", encoding="utf-8") as f:
        encoder = json.load(f)
    with open(f"{folder}/vocab.bpe", encoding="utf-8") as f:
        lines = f.read().split("\n")[1:-1]
    merges = [tuple(line.split()) for line in lines]
    enc = Encoder(encoder, merges)
    for text in TEXTS:
        print(escape(text) + "\t" + " ".join(str(i) for i in enc.encode(text)))


if __name__ == "__main__":
    main()

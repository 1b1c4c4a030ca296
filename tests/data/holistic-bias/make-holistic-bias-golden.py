#!/usr/bin/env python3
"""Sentence counts per "<axis>/<bucket>" group of HolisticBias v1.1, built as the dataset's own generator
(facebookresearch/ResponsibleNLP holistic_bias/src/sentences.py, get_compiled_noun_phrases and the
template loop) builds them, written independently of core/data/holistic-bias.cpp. Not run by CI:
    python3 tests/data/holistic-bias/make-holistic-bias-golden.py ../shared/data/holistic_bias \\
        > tests/data/holistic-bias/golden-counts-shared.json
    python3 tests/data/holistic-bias/make-holistic-bias-golden.py tests/data/holistic-bias \\
        > tests/data/holistic-bias/golden-counts-tiny.json
"""
import collections
import json
import sys


def article(word):
    return "an" if word[0].lower() in "aeiou" else "a"


def noun_phrases(folder):
    load = lambda name: json.load(open(f"{folder}/{name}"))
    nouns, descriptors = load("nouns.json"), load("descriptors.json")
    standalone, templates = load("standalone_noun_phrases.json"), load("sentence_templates.json")
    phrases = []  # (group, singular, plural, has_noun)
    for gender, pairs in nouns.items():
        for noun, plural in pairs:
            phrases.append(("null/(none)", f"{article(noun)} {noun}", plural, True))
    for axis, buckets in descriptors.items():
        for bucket, entries in buckets.items():
            for entry in entries:
                entry = entry if isinstance(entry, dict) else {"descriptor": entry}
                d = entry["descriptor"]
                phrases.append((f"{axis}/{bucket}", d, d, False))
                for gender, pairs in nouns.items():
                    if entry.get("gender", gender) == gender:
                        for noun, plural in pairs:
                            phrases.append((f"{axis}/{bucket}", f"{entry.get('article', article(d))} {d} {noun}",
                                            f"{d} {plural}", True))
    for axis, entries in standalone.items():
        for entry in entries:
            entry = entry if isinstance(entry, dict) else {"noun_phrase": entry}
            np_, pl = entry["noun_phrase"], entry.get("plural_noun_phrase", entry["noun_phrase"])
            if "{noun}" in np_:
                for gender, pairs in nouns.items():
                    for noun, plural in pairs:
                        phrases.append((f"{axis}/(none)", np_.format(article=article(noun), noun=noun),
                                        pl.format(article="", noun=plural).lstrip(), True))
            else:
                phrases.append((f"{axis}/(none)", np_, pl, False))
    return phrases, templates


def main():
    phrases, templates = noun_phrases(sys.argv[1])
    counts, sentences = collections.Counter(), []
    for group, singular, plural, has_noun in phrases:
        for template, spec in templates.items():
            if not has_noun and spec.get("must_be_noun", False):
                continue
            counts[group] += 1
            if len(sentences) < 40:
                sentences.append(template.format(noun_phrase=singular) if "{noun_phrase}" in template
                                 else template.format(plural_noun_phrase=plural))
    json.dump({"total": sum(counts.values()), "groups": dict(sorted(counts.items())), "some_sentences": sorted(sentences)},
              sys.stdout, indent=1)
    print()


main()

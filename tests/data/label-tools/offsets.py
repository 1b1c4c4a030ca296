#!/usr/bin/env python3
# Not run by CI: the independent reference for the span offsets in the hand-written Label Studio and
# doccano fixtures here (formats: labelstud.io/guide/task_format, doccano's export examples). Label Studio
# counts JavaScript string units (UTF-16), doccano Python string indices (code points); the importer
# stores code points. Prints: text, word, code-point [start, end), UTF-16 [start, end).
for text, word in [("Old people can't use phones.", "Old people"),
                   ("Thanks for the report 👍 and the 🍕 tip.", "tip"),
                   ("Old men ruin everything.", "Old men"),
                   ("Die Grüße von alten Männern.", "alten Männern")]:
    i = text.find(word)
    u = len(text[:i].encode("utf-16-le")) // 2
    w = len(word.encode("utf-16-le")) // 2
    print(f"{text!r} {word!r} cp [{i}, {i + len(word)}) utf16 [{u}, {u + w})")

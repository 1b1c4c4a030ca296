#!/usr/bin/python3
"""Writes the VADER golden files from NLTK 3.8's nltk.sentiment.vader (Debian python3-nltk), the reference
for core/eval/vader-sentiment. Not run by CI; rerun by hand from the repository root:
    /usr/bin/python3 tests/data/eval/make-vader-golden.py ../shared/data
One fix is applied to NLTK, the one vaderSentiment 3.3 made: NLTK's polarity_scores finds each word's
position with list.index(), so a repeated word is scored in the context of its first occurrence; here
every word is scored at its own position (enumerate), as core/eval does.
  vader-golden-sentences.tsv: text, neg, neu, pos, compound for sentences written for the rules below.
  vader-golden-shared.tsv: file, column, row, neg, neu, pos, compound for real texts in ../shared/data
  (the texts themselves stay there; the test reads them and skips when they are absent).
"""
import csv
import os
import sys

from nltk.sentiment.vader import SentimentIntensityAnalyzer

shared = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
here = os.path.dirname(os.path.abspath(__file__))


class FixedPositions(SentimentIntensityAnalyzer):
    def make_lex_dict(self):  # the shared file ends with a newline, which NLTK's own reader trips over
        self.lexicon_file = self.lexicon_file.strip("\n")
        return super().make_lex_dict()

    def polarity_scores(self, text):
        from nltk.sentiment.vader import SentiText
        sentitext = SentiText(text, self.constants.PUNC_LIST, self.constants.REGEX_REMOVE_PUNCTUATION)
        sentiments = []
        words = sentitext.words_and_emoticons
        for i, item in enumerate(words):  # the fix: NLTK has i = words.index(item)
            if (i < len(words) - 1 and item.lower() == "kind" and words[i + 1].lower() == "of") \
                    or item.lower() in self.constants.BOOSTER_DICT:
                sentiments.append(0)
                continue
            sentiments = self.sentiment_valence(0, sentitext, item, i, sentiments)
        sentiments = self._but_check(words, sentiments)
        return self.score_valence(sentiments, text)


analyzer = FixedPositions(lexicon_file="file:" + os.path.join(os.path.abspath(shared), "lexicons/vader_lexicon.txt"))

# One or more sentences per rule: lexicon, boosters and dampeners, negation (word, n't, never so),
# "but", ALL CAPS, "least", idioms, "kind of", punctuation emphasis, emoticons, repeated words, empty.
sentences = [
    "VADER is smart, handsome, and funny.",
    "VADER is smart, handsome, and funny!",
    "VADER is very smart, handsome, and funny.",
    "VADER is VERY SMART, handsome, and FUNNY.",
    "VADER is VERY SMART, handsome, and FUNNY!!!",
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
    "VADER is not smart, handsome, nor funny.",
    "The book was good.",
    "At least it isn't a horrible book.",
    "The book was only kind of good.",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "Today SUX!",
    "Today only kinda sux! But I'll get by, lol",
    "Make sure you :) or :D today!",
    "Catch utf-8 emoji such as such as 💘 and 💋 and 😁",
    "Not bad at all",
    "This is the shit, totally the bomb",
    "Yeah right, that was a kiss of death for the team.",
    "I never so loved a movie.",
    "It is the least helpful answer, at least not the very least good.",
    "Good good good, not good, good.",
    "The workers did NOT do a great job??",
    "What a wonderful day?!?!",
    "Nothing, nobody, nowhere: never happy, hardly sad.",
    "the food was barely edible and the service was slightly rude",
    "!!! ??? ... ---",
    "a b c",
    "",
    "I wouldn't say it's terrible, but it's certainly not wonderful either.",
    "Older workers just can't keep up with new software.",
    "The volunteers did a wonderful job today.",
    "People like you are vermin and should disappear.",
]

with open(os.path.join(here, "vader-golden-sentences.tsv"), "w", newline="") as out:
    w = csv.writer(out, delimiter="\t", lineterminator="\n")
    w.writerow(["text", "neg", "neu", "pos", "compound"])
    for s in sentences:
        r = analyzer.polarity_scores(s)
        w.writerow([s, r["neg"], r["neu"], r["pos"], r["compound"]])

# Real texts: the first rows of four public sets (slurs, typos, emoticons, markup, non-ASCII).
sources = [("paradetox/paradetox.tsv", "\t", "toxic", 1500), ("paradetox/paradetox.tsv", "\t", "neutral1", 1500),
           ("davidson/labeled_data.csv", ",", "tweet", 1500), ("srllm/train_500.csv", ",", "biased_text", 434)]
with open(os.path.join(here, "vader-golden-shared.tsv"), "w", newline="") as out:
    w = csv.writer(out, delimiter="\t", lineterminator="\n")
    w.writerow(["file", "column", "row", "neg", "neu", "pos", "compound"])
    for path, delimiter, column, limit in sources:
        with open(os.path.join(shared, path), newline="", encoding="utf-8") as f:
            for row, record in enumerate(csv.DictReader(f, delimiter=delimiter)):
                if row >= limit:
                    break
                r = analyzer.polarity_scores(record[column])
                w.writerow([path, column, row, r["neg"], r["neu"], r["pos"], r["compound"]])

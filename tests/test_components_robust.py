"""Property test: the extraction components never fail, whatever the entity model tags.

A real model tags odd things (an emoji as PERSON, a dash as WORK); a component that raised on one of them
turned the whole article into an error record. Random texts from a vocabulary of names, titles, role
words, award words, dates, punctuation and symbols, with random entity spans, go through every
component of the blank test pipeline."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Span

from extract.document import CleanDocument, TextSpan
from extract.schema import Meta

WORDS = ["Ana", "Pereira", "Kip", "Ardley", "Ashfall", "Stillwater", "The", "the", "of", "and", ",", ".", "'s", "’s",
         "directed", "by", "stars", "as", "won", "best", "actor", "Oscar", "Emmy", "for", "in", "2019", "May", "3",
         "director", "album", "(", ")", "“", "”", "—", "-", "\U0001f4b8", "***", "#", "feat.", "who", "he", "she",
         "his", "her", "played", "nominated", "Award", "Grammy", "season", "\n", ":", "Director", "Cast", "Title"]
LABELS = ["PERSON", "WORK", "AWARD", "ORG", "EVENT", "LOC"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=40), data=st.data())
def test_components_never_fail(nlp, words, data):
    text = " ".join(words)
    doc = nlp.make_doc(text)
    n = len(doc)
    spans, used = [], set()
    for _ in range(data.draw(st.integers(0, 6))):
        start = data.draw(st.integers(0, n - 1))
        end = data.draw(st.integers(start + 1, min(n, start + 4)))
        if used & set(range(start, end)):
            continue
        used |= set(range(start, end))
        spans.append(Span(doc, start, end, label=data.draw(st.sampled_from(LABELS))))
    doc.ents = spans
    marks = [TextSpan(s.start_char, s.end_char, data.draw(st.sampled_from(["emphasis", "quote", "heading"])))
             for s in spans[:2]]
    doc._.clean = CleanDocument(source="t.html", text=text, meta=Meta(published="2019-05-01"), spans=marks)
    out = nlp(doc)
    assert out._.error is None, repr(out._.error)

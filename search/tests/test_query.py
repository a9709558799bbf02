"""The fuzzy layer on its own: words, other spellings, corrections, highlights."""

from search.query import Vocabulary, highlight, max_edits, plan_query, snippet, word_forms, words

VOCABULARY = Vocabulary(
    {
        "trotsky": 10,
        "stalin": 10,
        "bolshevik": 5,
        "bolsheviks": 5,
        "revolution": 3,
        "collectivisation": 4,
        "kulak": 2,
        "lenin": 10,
        "tsar": 3,
        "tsarist": 2,
    }
)


def test_words_drop_quotes_operators_and_nul_bytes():
    assert words('abc" OR "x\x00y -z*') == ["abc", "or", "x", "y", "z"]
    assert words('"') == []
    assert words("Lenin's NEP") == ["lenin", "nep"]


def test_short_words_are_never_corrected_long_ones_by_up_to_two_edits():
    assert [max_edits(w) for w in ("tsa", "tsar", "trotksy", "collectivsation", "1917")] == [
        0,
        1,
        1,
        2,
        0,
    ]


def test_american_spellings_and_plurals_have_their_british_and_singular_forms():
    assert "collectivisation" in word_forms("collectivization")
    assert "revolution" in word_forms("revolutions")
    assert "kulak" in word_forms("kulaks")
    assert "labour" in word_forms("labor")


def test_a_transposition_is_one_slip():
    assert VOCABULARY.correction("trotksy") == "trotsky"
    assert VOCABULARY.correction("stallin") == "stalin"
    assert VOCABULARY.correction("bolshevick") == "bolshevik"


def test_a_known_word_or_a_far_one_is_left_alone():
    assert VOCABULARY.correction("stalin") is None
    assert VOCABULARY.correction("gorbachev") is None
    assert VOCABULARY.correction("tsr") is None  # three letters: too short to guess at
    assert VOCABULARY.correction("tzar") == "tsar"


def test_a_plan_keeps_the_typed_word_and_adds_its_correction():
    plan = plan_query("Trotksy collectivization", VOCABULARY)
    assert plan.suggestion == "trotsky collectivization"
    forms = dict(plan.terms)
    assert {"trotksy", "trotsky"} <= forms["trotksy"]
    assert "collectivisation" in forms["collectivization"]


def test_highlight_escapes_everything_and_marks_matches():
    marked = highlight("<b>Trotsky</b> & the Trotskyists", {"trotsky"})
    assert marked == "&lt;b&gt;<mark>Trotsky</mark>&lt;/b&gt; &amp; the <mark>Trotskyists</mark>"


def test_snippet_is_cut_around_the_first_match():
    text = "word " * 100 + "Kronstadt rising " + "word " * 100
    cut = snippet(text, {"kronstadt"}, length=80)
    assert "<mark>Kronstadt</mark>" in cut
    assert cut.startswith("… ") and cut.endswith(" …")
    assert len(cut) < 140

"""What a reader types, and the page that must come first for it, on the real course."""

import pytest

from .pages import result_links

PERSON = "/people/{}/"
ARTICLE = "/russian-soviet-history/{}/"
ORGANISATION = "/organisations/{}/"
TERM = "/glossary/#{}"

FIRST_RESULT = [
    # typos
    ("Trotksy", PERSON.format("leon-trotsky")),
    ("Stallin", PERSON.format("joseph-stalin")),
    ("Lenni", PERSON.format("vladimir-lenin")),
    ("Yeltsen", PERSON.format("boris-yeltsin")),
    ("Rasputn", PERSON.format("grigori-rasputin")),
    ("Dzerzhinski", PERSON.format("felix-dzerzhinsky")),
    ("Solzhenitsin", PERSON.format("alexander-solzhenitsyn")),
    ("Menshevicks", ORGANISATION.format("mensheviks")),
    ("Okhrona", ORGANISATION.format("okhrana")),
    ("Provisional Goverment", ORGANISATION.format("provisional-government")),
    ("perestroyka", TERM.format("perestroika")),
    ("Bolshevick revolution", ARTICLE.format("bolshevik-revolution")),
    # names, birth names and aliases
    ("Trotsky", PERSON.format("leon-trotsky")),
    ("Leon Trotsky", PERSON.format("leon-trotsky")),
    ("Bronstein", PERSON.format("leon-trotsky")),
    ("Lev Bronstein", PERSON.format("leon-trotsky")),
    ("Vladimir Ulyanov", PERSON.format("vladimir-lenin")),
    ("Lenin", PERSON.format("vladimir-lenin")),
    ("Koba", PERSON.format("joseph-stalin")),
    ("Jughashvili", PERSON.format("joseph-stalin")),
    ("Skryabin", PERSON.format("vyacheslav-molotov")),
    ("Tsar Nicholas", PERSON.format("nicholas-ii")),
    ("Nikolai II", PERSON.format("nicholas-ii")),
    ("Comintern", ORGANISATION.format("comintern")),
    ("Cheka", ORGANISATION.format("cheka")),
    # transliterations
    ("Khruschev", PERSON.format("nikita-khrushchev")),
    ("Chruschtschow", PERSON.format("nikita-khrushchev")),
    ("Kerenski", PERSON.format("alexander-kerensky")),
    ("Tukhachevskii", PERSON.format("mikhail-tukhachevsky")),
    ("Dzhugashvili", PERSON.format("joseph-stalin")),
    ("Gorbatschow", PERSON.format("mikhail-gorbachev")),
    ("Breschnew", PERSON.format("leonid-brezhnev")),
    ("Jelzin", PERSON.format("boris-yeltsin")),
    ("Ezhov", PERSON.format("nikolai-yezhov")),
    ("Trotzki", PERSON.format("leon-trotsky")),
    # stems and other spellings
    ("collectivization", ARTICLE.format("collectivisation-of-soviet-agriculture")),
    ("collectivisation", ARTICLE.format("collectivisation-of-soviet-agriculture")),
    ("de-stalinization", ARTICLE.format("de-stalinisation")),
    ("dekulakization", TERM.format("dekulakisation")),
    ("kulaks", TERM.format("kulak")),
    ("Lenins legacy", ARTICLE.format("lenins-legacy")),
    ("Russian civil wars", ARTICLE.format("russian-civil-war")),
    ("Khrushchev reforms", ARTICLE.format("khrushchevs-reform-programme")),
    # topics in several words
    ("new economic policy", ARTICLE.format("new-economic-policy")),
    ("women in the USSR", ARTICLE.format("women-in-the-ussr")),
    ("collapse of the Soviet Union", ARTICLE.format("collapse-of-the-soviet-union")),
    ("abdication of Nicholas", ARTICLE.format("abdication-of-tsar-nicholas-ii")),
    ("Bloody Sunday", "/timeline/?event=bloody-sunday#bloody-sunday"),
    ("Yanovka", "/timeline/?place=yanovka"),
]


@pytest.mark.parametrize(("query", "first"), FIRST_RESULT, ids=[q for q, _ in FIRST_RESULT])
def test_the_right_page_comes_first(site, query, first):
    links = result_links(site.get("/search/", {"q": query}))
    assert links, f"nothing found for {query!r}"
    assert links[0] == first, f"{query!r}: first {links[0]}, then {links[1:4]}"


def test_the_table_covers_at_least_forty_queries():
    assert len(FIRST_RESULT) >= 40


def test_a_name_in_a_title_comes_first_however_many_texts_mention_it(site):
    """More texts mention the word than the search ranks by their body alone
    (search.backend.BODY_CANDIDATES): the one named by it still comes first, with a full group."""
    from chronology.models import Event
    from search.backend import BODY_CANDIDATES

    for n in range(BODY_CANDIDATES + 20):
        Event(
            slug=f"drill-{n}",
            title=f"Civil defence drill number {n}",
            when="1972",
            summary="Schoolchildren played zarnitsa, the war game, in the woods.",
        ).save()
    Event(slug="zarnitsa-founded", title="Zarnitsa games founded", when="1967").save()
    response = site.get("/search/", {"q": "zarnitsa"})
    links = result_links(response)
    assert links[0] == "/timeline/?event=zarnitsa-founded#zarnitsa-founded", links[:3]
    assert len([link for link in links if "event=drill-" in link]) == 4  # a full group of five
    assert "10+" in response.content.decode()

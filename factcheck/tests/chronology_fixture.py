"""A small chronology of Trotsky, Lenin and the revolutions of 1905-1924, for the tests.

Dates are real. Old Style dates (Russia before 14 February 1918) are given as the sources give
them, with `HistoricalDate.from_julian`; where a source gives only a month or a year, so does
the fixture. Sources: Isaac Deutscher, The Prophet Armed (1954), The Prophet Unarmed (1959) and
The Prophet Outcast (1963); Robert Service, Lenin: A Biography (2000) and Trotsky: A Biography
(2009); Orlando Figes, A People's Tragedy (1996).
"""

from chronology.dates import HistoricalDate
from factcheck.judge import Chronology, Entity, KnownEvent

DEUTSCHER_1954 = "Isaac Deutscher, The Prophet Armed (1954)"
DEUTSCHER_1959 = "Isaac Deutscher, The Prophet Unarmed (1959)"
DEUTSCHER_1963 = "Isaac Deutscher, The Prophet Outcast (1963)"
SERVICE_2000 = "Robert Service, Lenin: A Biography (2000)"
SERVICE_2009 = "Robert Service, Trotsky: A Biography (2009)"
FIGES_1996 = "Orlando Figes, A People's Tragedy (1996)"


def new_style(edtf: str) -> HistoricalDate:
    """A New Style (Gregorian) date."""
    return HistoricalDate.parse(edtf)


def old_style(edtf: str) -> HistoricalDate:
    """An Old Style (Julian) date, as a Russian source before 1918 gives it."""
    return HistoricalDate.from_julian(edtf)


PEOPLE = {
    "leon-trotsky": (
        "Leon Trotsky",
        "Trotsky",
        "Lev Davidovich Bronstein",
        "Lev Bronstein",
        "Bronstein",
    ),
    "vladimir-lenin": (
        "Vladimir Lenin",
        "Lenin",
        "Vladimir Ilyich Lenin",
        "Vladimir Ilyich Ulyanov",
        "Ulyanov",
    ),
    "joseph-stalin": ("Joseph Stalin", "Stalin"),
    "nicholas-ii": ("Nicholas II", "Tsar Nicholas II", "the Tsar"),
    "georgy-gapon": ("Georgy Gapon", "Father Gapon", "Gapon"),
    "sergei-witte": ("Sergei Witte", "Count Witte", "Witte"),
    "pyotr-stolypin": ("Pyotr Stolypin", "Stolypin"),
    "grigori-rasputin": ("Grigori Rasputin", "Rasputin"),
    "alexander-kerensky": ("Alexander Kerensky", "Kerensky"),
    "lavr-kornilov": ("Lavr Kornilov", "General Kornilov", "Kornilov"),
    "julius-martov": ("Julius Martov", "Martov"),
    "grigory-zinoviev": ("Grigory Zinoviev", "Zinoviev"),
    "lev-kamenev": ("Lev Kamenev", "Kamenev"),
    "felix-dzerzhinsky": ("Felix Dzerzhinsky", "Dzerzhinsky"),
    "fanny-kaplan": ("Fanny Kaplan", "Kaplan"),
    "ramon-mercader": ("Ramón Mercader", "Ramon Mercader", "Mercader"),
    "mikhail-tukhachevsky": ("Mikhail Tukhachevsky", "Tukhachevsky"),
    "nadezhda-krupskaya": ("Nadezhda Krupskaya", "Krupskaya"),
}

ORGANISATIONS = {
    "rsdlp": ("Russian Social Democratic Labour Party", "RSDLP"),
    "bolsheviks": ("Bolsheviks", "Bolshevik Party", "Bolshevik"),
    "mensheviks": ("Mensheviks", "Menshevik"),
    "communist-party": ("Communist Party", "Party"),
    "st-petersburg-soviet-1905": ("St Petersburg Soviet", "St. Petersburg Soviet"),
    "petrograd-soviet": ("Petrograd Soviet",),
    "provisional-government": ("Provisional Government",),
    "military-revolutionary-committee": (
        "Military Revolutionary Committee",
        "Military-Revolutionary Committee",
    ),
    "cheka": ("Cheka",),
    "constituent-assembly": ("Constituent Assembly",),
    "sovnarkom": ("Sovnarkom", "Council of People's Commissars"),
    "red-army": ("Red Army",),
    "comintern": ("Comintern", "Communist International", "Third International"),
    "central-committee": ("Central Committee",),
    "fourth-international": ("Fourth International",),
}

PLACES = {
    "st-petersburg": ("St Petersburg", "St. Petersburg", "Petrograd", "Leningrad"),
    "moscow": ("Moscow",),
    "yanovka": ("Yanovka",),
    "simbirsk": ("Simbirsk",),
    "nikolaev": ("Nikolaev", "Nikolayev"),
    "siberia": ("Siberia",),
    "london": ("London",),
    "brussels": ("Brussels",),
    "odessa": ("Odessa",),
    "kiev": ("Kiev", "Kyiv"),
    "brest-litovsk": ("Brest-Litovsk",),
    "yekaterinburg": ("Yekaterinburg", "Ekaterinburg"),
    "kronstadt": ("Kronstadt",),
    "gorki": ("Gorki", "Gorky"),
    "alma-ata": ("Alma-Ata", "Alma Ata"),
    "prinkipo": ("Prinkipo",),
    "coyoacan": ("Coyoacán", "Coyoacan"),
    "zurich": ("Zurich",),
    "new-york": ("New York",),
    "soviet-union": ("Soviet Union", "USSR"),
}

TERMS = {"soviet": ("soviet", "soviets")}


def _event(slug, title, kind, when, people=(), organisations=(), places=(), source=FIGES_1996):
    return KnownEvent(
        slug=slug,
        title=title,
        kind=kind,
        when=when,
        people=tuple(people),
        organisations=tuple(organisations),
        places=tuple(places),
        source=source,
    )


def events() -> tuple[KnownEvent, ...]:
    """Fifty events, 1879-1940."""
    T, L = "leon-trotsky", "vladimir-lenin"
    return (
        _event(
            "trotsky-born",
            "Birth of Leon Trotsky",
            "birth",
            old_style("1879-10-26"),
            [T],
            places=["yanovka"],
            source=DEUTSCHER_1954,
        ),
        _event(
            "trotsky-first-arrest",
            "Trotsky's first arrest",
            "arrest",
            old_style("1898-01"),
            [T],
            places=["nikolaev"],
            source=DEUTSCHER_1954,
        ),
        _event(
            "trotsky-siberian-exile",
            "Trotsky exiled to Siberia",
            "exile",
            new_style("1900"),
            [T],
            places=["siberia"],
            source=DEUTSCHER_1954,
        ),
        _event(
            "trotsky-escapes-siberia",
            "Trotsky escapes from Siberia",
            "escape",
            new_style("1902"),
            [T],
            places=["siberia"],
            source=DEUTSCHER_1954,
        ),
        _event(
            "trotsky-meets-lenin",
            "Trotsky meets Lenin in London",
            "meeting",
            new_style("1902-10"),
            [T, L],
            places=["london"],
            source=SERVICE_2009,
        ),
        _event(
            "second-congress",
            "Second Congress of the RSDLP",
            "congress",
            new_style("1903-07-30/1903-08-23"),
            [L, "julius-martov", T],
            ["rsdlp"],
            ["brussels", "london"],
            SERVICE_2000,
        ),
        _event(
            "bloody-sunday",
            "Bloody Sunday",
            "massacre",
            old_style("1905-01-09"),
            ["georgy-gapon", "nicholas-ii"],
            places=["st-petersburg"],
        ),
        _event(
            "potemkin-mutiny",
            "Mutiny on the battleship Potemkin",
            "mutiny",
            old_style("1905-06-14"),
            places=["odessa"],
        ),
        _event(
            "st-petersburg-soviet-founded",
            "Founding of the St Petersburg Soviet",
            "founding",
            old_style("1905-10-13"),
            organisations=["st-petersburg-soviet-1905"],
            places=["st-petersburg"],
        ),
        _event(
            "october-manifesto",
            "October Manifesto",
            "decree",
            old_style("1905-10-17"),
            ["nicholas-ii", "sergei-witte"],
        ),
        _event(
            "trotsky-chairman-1905",
            "Trotsky becomes chairman of the St Petersburg Soviet",
            "election",
            old_style("1905-11"),
            [T],
            ["st-petersburg-soviet-1905"],
            source=DEUTSCHER_1954,
        ),
        _event(
            "soviet-arrested-1905",
            "Arrest of the St Petersburg Soviet",
            "arrest",
            old_style("1905-12-03"),
            [T],
            ["st-petersburg-soviet-1905"],
            ["st-petersburg"],
            DEUTSCHER_1954,
        ),
        _event(
            "moscow-uprising",
            "Moscow uprising",
            "uprising",
            old_style("1905-12-07/1905-12-18"),
            organisations=["bolsheviks"],
            places=["moscow"],
        ),
        _event(
            "trotsky-escape-1907",
            "Trotsky escapes on the way to Obdorsk",
            "escape",
            old_style("1907-02"),
            [T],
            places=["siberia"],
            source=DEUTSCHER_1954,
        ),
        _event(
            "stolypin-assassinated",
            "Assassination of Stolypin",
            "assassination",
            old_style("1911-09-01"),
            ["pyotr-stolypin"],
            places=["kiev"],
        ),
        _event(
            "rasputin-murdered",
            "Murder of Rasputin",
            "assassination",
            old_style("1916-12-17"),
            ["grigori-rasputin"],
            places=["st-petersburg"],
        ),
        _event(
            "february-revolution",
            "February Revolution",
            "revolution",
            old_style("1917-02-23/1917-02-27"),
            organisations=["petrograd-soviet"],
            places=["st-petersburg"],
        ),
        _event(
            "nicholas-abdicates",
            "Abdication of Nicholas II",
            "abdication",
            old_style("1917-03-02"),
            ["nicholas-ii"],
        ),
        _event(
            "lenin-returns",
            "Lenin returns to Petrograd",
            "return",
            old_style("1917-04-03"),
            [L],
            places=["st-petersburg"],
            source=SERVICE_2000,
        ),
        _event(
            "trotsky-returns",
            "Trotsky returns to Petrograd",
            "return",
            old_style("1917-05-04"),
            [T],
            places=["st-petersburg"],
            source=DEUTSCHER_1954,
        ),
        _event(
            "july-days",
            "July Days",
            "uprising",
            old_style("1917-07-03/1917-07-07"),
            organisations=["bolsheviks"],
            places=["st-petersburg"],
        ),
        _event(
            "trotsky-arrested-1917",
            "Trotsky arrested by the Provisional Government",
            "arrest",
            old_style("1917-07-23"),
            [T],
            ["provisional-government"],
            ["st-petersburg"],
            DEUTSCHER_1954,
        ),
        _event(
            "trotsky-joins-bolsheviks",
            "Trotsky joins the Bolsheviks",
            "joining",
            old_style("1917-07-26/1917-08-03"),
            [T],
            ["bolsheviks"],
            source=DEUTSCHER_1954,
        ),
        _event(
            "kornilov-affair",
            "Kornilov affair",
            "coup",
            old_style("1917-08-27/1917-08-30"),
            ["lavr-kornilov", "alexander-kerensky"],
        ),
        _event(
            "trotsky-chairman-1917",
            "Trotsky elected chairman of the Petrograd Soviet",
            "election",
            old_style("1917-09"),
            [T],
            ["petrograd-soviet"],
            source=DEUTSCHER_1954,
        ),
        _event(
            "october-revolution",
            "October Revolution",
            "revolution",
            old_style("1917-10-25"),
            [L, T],
            ["bolsheviks", "military-revolutionary-committee", "provisional-government"],
            ["st-petersburg"],
        ),
        _event(
            "decree-on-land",
            "Decree on Land",
            "decree",
            old_style("1917-10-26"),
            [L],
            ["sovnarkom"],
        ),
        _event(
            "decree-on-peace",
            "Decree on Peace",
            "decree",
            old_style("1917-10-26"),
            [L],
            ["sovnarkom"],
        ),
        _event(
            "cheka-founded",
            "Founding of the Cheka",
            "founding",
            old_style("1917-12-07"),
            ["felix-dzerzhinsky"],
            ["cheka"],
        ),
        _event(
            "constituent-assembly-dissolved",
            "Dissolution of the Constituent Assembly",
            "dissolution",
            old_style("1918-01-06"),
            organisations=["constituent-assembly", "bolsheviks"],
        ),
        _event(
            "brest-litovsk",
            "Treaty of Brest-Litovsk",
            "treaty",
            new_style("1918-03-03"),
            [L, T],
            places=["brest-litovsk"],
        ),
        _event(
            "trotsky-war-commissar",
            "Trotsky appointed People's Commissar for War",
            "appointment",
            new_style("1918-03"),
            [T],
            ["red-army", "sovnarkom"],
            source=DEUTSCHER_1954,
        ),
        _event(
            "romanovs-executed",
            "Execution of the Romanovs",
            "execution",
            new_style("1918-07-17"),
            ["nicholas-ii"],
            places=["yekaterinburg"],
        ),
        _event(
            "lenin-shot",
            "Fanny Kaplan shoots Lenin",
            "attempted assassination",
            new_style("1918-08-30"),
            [L, "fanny-kaplan"],
            places=["moscow"],
            source=SERVICE_2000,
        ),
        _event(
            "civil-war",
            "Russian Civil War",
            "war",
            new_style("1917-11/1922-10"),
            organisations=["red-army"],
        ),
        _event(
            "comintern-founded",
            "Founding of the Comintern",
            "founding",
            new_style("1919-03"),
            [L, "grigory-zinoviev"],
            ["comintern"],
            ["moscow"],
            SERVICE_2000,
        ),
        _event(
            "kronstadt-rising",
            "Kronstadt rising",
            "uprising",
            new_style("1921-02-28/1921-03-18"),
            [T, "mikhail-tukhachevsky"],
            ["red-army"],
            ["kronstadt"],
        ),
        _event(
            "nep",
            "New Economic Policy",
            "policy",
            new_style("1921-03"),
            [L],
            ["communist-party"],
            source=SERVICE_2000,
        ),
        _event(
            "stalin-general-secretary",
            "Stalin becomes General Secretary",
            "appointment",
            new_style("1922-04-03"),
            ["joseph-stalin"],
            ["central-committee"],
        ),
        _event(
            "lenin-first-stroke",
            "Lenin's first stroke",
            "stroke",
            new_style("1922-05"),
            [L],
            places=["gorki"],
            source=SERVICE_2000,
        ),
        _event(
            "ussr-founded",
            "Formation of the Soviet Union",
            "founding",
            new_style("1922-12-30"),
            places=["soviet-union"],
        ),
        _event(
            "lenin-dies",
            "Death of Lenin",
            "death",
            new_style("1924-01-21"),
            [L],
            places=["gorki"],
            source=SERVICE_2000,
        ),
        _event(
            "petrograd-renamed",
            "Petrograd renamed Leningrad",
            "renaming",
            new_style("1924-01-26"),
            places=["st-petersburg"],
        ),
        _event(
            "trotsky-removed-1925",
            "Trotsky removed as Commissar for War",
            "dismissal",
            new_style("1925-01"),
            [T],
            ["red-army"],
            source=DEUTSCHER_1959,
        ),
        # Most chronologies give 12 November 1927, Deutscher 14 November: both are kept.
        _event(
            "trotsky-expelled-party",
            "Trotsky expelled from the Communist Party",
            "expulsion",
            new_style("1927-11-12/1927-11-14"),
            [T, "grigory-zinoviev"],
            ["communist-party"],
            source=DEUTSCHER_1959,
        ),
        _event(
            "trotsky-exiled-alma-ata",
            "Trotsky exiled to Alma-Ata",
            "exile",
            new_style("1928-01"),
            [T],
            places=["alma-ata"],
            source=DEUTSCHER_1959,
        ),
        _event(
            "trotsky-deported",
            "Trotsky deported from the Soviet Union",
            "exile",
            new_style("1929-02"),
            [T],
            places=["prinkipo", "soviet-union"],
            source=DEUTSCHER_1963,
        ),
        _event(
            "fourth-international",
            "Founding of the Fourth International",
            "founding",
            new_style("1938-09"),
            [T],
            ["fourth-international"],
            source=DEUTSCHER_1963,
        ),
        _event(
            "trotsky-attacked",
            "Ramón Mercader attacks Trotsky",
            "assassination",
            new_style("1940-08-20"),
            [T, "ramon-mercader"],
            places=["coyoacan"],
            source=DEUTSCHER_1963,
        ),
        _event(
            "trotsky-dies",
            "Death of Trotsky",
            "death",
            new_style("1940-08-21"),
            [T],
            places=["coyoacan"],
            source=DEUTSCHER_1963,
        ),
    )


def lifespans() -> dict[str, tuple[HistoricalDate | None, HistoricalDate | None]]:
    """Born and died for the people of the fixture."""
    return {
        "leon-trotsky": (old_style("1879-10-26"), new_style("1940-08-21")),
        "vladimir-lenin": (old_style("1870-04-10"), new_style("1924-01-21")),
        "joseph-stalin": (old_style("1878-12-06"), new_style("1953-03-05")),
        "nicholas-ii": (old_style("1868-05-06"), new_style("1918-07-17")),
        "georgy-gapon": (new_style("1870"), old_style("1906-03-28")),
        "sergei-witte": (old_style("1849-06-17"), old_style("1915-02-28")),
        "pyotr-stolypin": (old_style("1862-04-02"), old_style("1911-09-05")),
        "grigori-rasputin": (new_style("1869"), old_style("1916-12-17")),
        "alexander-kerensky": (old_style("1881-04-22"), new_style("1970-06-11")),
        "lavr-kornilov": (new_style("1870"), new_style("1918-04-13")),
        "julius-martov": (old_style("1873-11-24"), new_style("1923-04-04")),
        "grigory-zinoviev": (new_style("1883"), new_style("1936-08-25")),
        "lev-kamenev": (new_style("1883"), new_style("1936-08-25")),
        "felix-dzerzhinsky": (new_style("1877"), new_style("1926-07-20")),
        "fanny-kaplan": (new_style("1890"), new_style("1918-09-03")),
        "ramon-mercader": (new_style("1913"), new_style("1978")),
        "mikhail-tukhachevsky": (new_style("1893"), new_style("1937-06-12")),
        "nadezhda-krupskaya": (new_style("1869"), new_style("1939")),
    }


def entities() -> tuple[Entity, ...]:
    groups = (
        ("person", PEOPLE),
        ("organisation", ORGANISATIONS),
        ("place", PLACES),
        ("term", TERMS),
    )
    return tuple(
        Entity(slug=slug, kind=kind, names=names)
        for kind, table in groups
        for slug, names in table.items()
    )


def build_chronology() -> Chronology:
    """The fixture chronology."""
    return Chronology(entities=entities(), events=events(), lifespans=lifespans())

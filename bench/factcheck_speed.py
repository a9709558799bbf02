"""How long the fact checker takes over a 2,000-word article.

Two measures: an article made of the correct sentences of the labelled set (factcheck/tests/data),
repeated until it is 2,000 words long, against the fixture chronology (50 events); and the
course's own Trotsky article (about 2,000 words) against the whole course chronology built from
the pack (596 events). Prints the time to prepare each checker and the median time to check over
20 runs. Pure Python: no database, no Django.

    .venv/bin/python bench/factcheck_speed.py [WORDS] [RUNS]
"""

import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.judge import FactChecker  # noqa: E402
from factcheck.tests.chronology_fixture import build_chronology  # noqa: E402
from factcheck.tests.conftest import pack_tool  # noqa: E402

SENTENCES = ROOT / "factcheck" / "tests" / "data" / "trotsky_lenin_1905_1924.yaml"


def article(words: int) -> str:
    """Markdown of at least `words` words, made of the labelled set's correct sentences."""
    labelled = yaml.safe_load(SENTENCES.read_text(encoding="utf-8"))
    correct = [s["text"] for s in labelled if s["verdict"] == "ok"]
    chosen, count = [], 0
    while count < words:
        sentence = correct[len(chosen) % len(correct)]
        chosen.append(sentence)
        count += len(sentence.split())
    paragraphs = [" ".join(chosen[i : i + 5]) for i in range(0, len(chosen), 5)]
    return "## A long article\n\n" + "\n\n".join(paragraphs) + "\n"


def main(words: int = 2000, runs: int = 20) -> None:
    measure(article(words), build_chronology(), runs)
    tool = pack_tool()
    trotsky = tool.PACK / "topics" / "leon-trotsky.md"
    if trotsky.exists():
        measure(trotsky.read_text(encoding="utf-8"), tool.build_pack_chronology(), runs)


def measure(text: str, chronology, runs: int) -> None:
    started = time.perf_counter()
    checker = FactChecker(chronology)
    prepared = (time.perf_counter() - started) * 1000
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        findings = checker.check(text)
        timings.append((time.perf_counter() - started) * 1000)
    print(
        f"{len(text.split()):,} words, {len(chronology.events)} events: "
        f"prepare {prepared:.1f} ms; check median {statistics.median(timings):.1f} ms "
        f"(min {min(timings):.1f}, max {max(timings):.1f}, {runs} runs); "
        f"{len(findings)} findings"
    )


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:3]))

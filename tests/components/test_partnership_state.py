"""The working state of a document's partnership reading: its helpers on their own."""


def _edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, the textbook way: the reference for the one-pass test."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def test_one_edit_apart_agrees_with_the_edit_distance():
    import random

    from extract.components.partnership_state import _one_edit_apart

    rng = random.Random(7)
    for _ in range(5000):
        x = "".join(rng.choice("abc") for _ in range(rng.randint(0, 6)))
        y = "".join(rng.choice("abc") for _ in range(rng.randint(0, 6)))
        assert _one_edit_apart(x, y) == (_edit_distance(x, y) <= 1), (x, y)


def test_char_ranges_answer_as_a_scan_of_every_range_would():
    import random

    from extract.components.partnership_state import CharRanges

    rng = random.Random(11)
    for _ in range(300):
        ranges = [(a, a + rng.randint(1, 30)) for a in (rng.randint(0, 200) for _ in range(rng.randint(0, 12)))]
        index = CharRanges(ranges)
        for _ in range(20):
            start = rng.randint(0, 220)
            end = start + rng.randint(1, 40)
            assert index.cover(start, end) == any(a <= start and end <= b for a, b in ranges)
            assert sorted(index.overlapping(start, end)) == sorted((a, b) for a, b in ranges if a < end and start < b)

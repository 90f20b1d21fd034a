"""How many files a second `edition validate` checks in one process.

    .venv/bin/python bench/bench_validate.py [N]

Converts the bundled text once, writes N copies, compiles the validator once
and checks every copy (grammar and rules), as `edition validate *.xml` does.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from edition import config, pipeline, xmlio  # noqa: E402
from edition.validate import Validator, errors_in  # noqa: E402


def main(copies: int = 20) -> None:
    cfg = config.load(ROOT)
    tree = pipeline.convert(xmlio.read_text(ROOT / "source" / "leon-trotsky.txt"), cfg, "leon-trotsky")
    data = xmlio.serialize(tree)
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i in range(copies):
            path = Path(tmp) / f"copy-{i:03d}.xml"
            path.write_bytes(data)
            paths.append(path)
        t0 = time.perf_counter()
        validator = Validator()
        compiled = time.perf_counter() - t0
        t0 = time.perf_counter()
        errors = sum(len(errors_in(validator.check_file(p))) for p in paths)
        elapsed = time.perf_counter() - t0
    print(f"document: {len(data) / 1024:.0f} KiB, {sum(1 for _ in tree.iter())} nodes")
    print(f"compile grammar + rules: {compiled * 1000:.0f} ms (once)")
    print(f"validated {copies} files in {elapsed:.2f} s: {copies / elapsed:.1f} files/second "
          f"({elapsed / copies * 1000:.0f} ms a file), {errors} errors")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)

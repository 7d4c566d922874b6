"""Large libraries are checked by several processes; the output is the same."""

from __future__ import annotations

import importlib.util

from clitools import ROOT, run_process


def _generator():
    spec = importlib.util.spec_from_file_location("generate_library", ROOT / "benchmarks/generate_library.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_parallel_and_serial_runs_give_byte_identical_reports(tmp_path):
    library = _generator().generate(tmp_path / "lib", 210, 0.1, 3)  # 420 guides: above the threshold
    serial = run_process(["check", "--no-cache", "--jobs", "1", "--format", "json"], cwd=library)
    parallel = run_process(["check", "--no-cache", "--jobs", "2", "--format", "json"], cwd=library)
    automatic = run_process(["check", "--no-cache", "--format", "sarif"], cwd=library)
    assert serial.code == parallel.code == automatic.code == 1  # seeded defects
    assert serial.out == parallel.out
    assert serial.err == parallel.err == ""
    assert '"ruleId": "SC008"' in automatic.out

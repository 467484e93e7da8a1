"""Benchmarks (`make bench`); results go to bench/RESULTS.md. Never part of the test run."""

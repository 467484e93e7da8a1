"""Where a search's time goes: the bench's search mix, timed phase by phase and statement by statement.

    python -m bench.profile_search --backend sqlite
    python -m bench.profile_search --backend postgresql --queries 400 --explain --cprofile 5
    python -m bench.profile_search --model national

Synthesizes the bench's catalog (`bench.synthesize`, 100,000 schools, the stacked model unless
`--model national`) and imports it once: the built SQLite file (and a PostgreSQL cluster's data
directory) is kept in a temporary directory (CACHE, one per model) between runs and only migrated
to the head on the next run (`python -m bench --only search` measures on the same ones). Then runs
the bench's query mix (`bench.search_params`: a random grade, 5 km and a pair of needs near a random
real ZIP, 400 queries after 20 warm-up ones) through `catalog.search.search` and prints p50/p95 of the
whole search, of each phase (the functions `search` calls, wrapped here with a timer) and of each
SQL statement (timed from SQLAlchemy's cursor events, named by the phase that ran it); with
`--explain` the plans of one query's statements (EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE
on PostgreSQL), with `--cprofile N` cProfile of the N slowest queries, run again.
"""

import argparse
import cProfile
import io
import math
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

from bench.catalogs import MODELS, NATIONAL_LAYOUT, ROOT, bench_import, make_app, search_params, synthesize

CACHE = Path(tempfile.gettempdir()) / "schoolbridge-profile"
# Functions `search` calls, timed as phases when this module has them (names of catalog.search).
PHASES = ("_run", "_ranked_page", "_not_stated", "_page_and_not_stated", "check_area", "read_misspelt", "_relaxations",
          "get_schools", "_hit_schools", "cards", "get_listings", "facts_of", "explain")  # fmt: skip


def percentile(values: list[float], p: float) -> float:
    """The nearest-rank percentile: the smallest value at least p% of the values are at or under (0 for none)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(len(ordered) * p / 100) - 1)] if ordered else 0.0


# --- the catalog, built once -----------------------------------------------------------------


def kept_name(schools: int, model: str) -> str:
    """The kept catalog's name: the stacked model's as it was before there were two; the national
    model's with its layout's version (a catalog kept from another layout is not this one)."""
    return str(schools) if model == "stacked" else f"{model}-{NATIONAL_LAYOUT}-{schools}"


def catalog_rows(schools: int, model: str = "stacked") -> tuple[list[dict], Path]:
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"catalog-{kept_name(schools, model)}.csv"
    return synthesize(schools, path, model=model), path


def migrate(url: str) -> None:
    from flask_migrate import upgrade

    from app.extensions import db

    app = make_app(url)
    with app.app_context():
        upgrade()
        if db.engine.dialect.name == "postgresql":
            with db.engine.begin() as connection:
                connection.exec_driver_sql("ANALYZE school, program, school_text")  # a kept catalog's, as its import now takes them
        db.engine.dispose()


def sqlite_catalog(schools: int, path: Path, model: str = "stacked") -> str:
    db_file = CACHE / f"sqlite-{kept_name(schools, model)}.db"
    url = f"sqlite:///{db_file}"
    if not db_file.exists():
        print(f"importing {schools:,} schools into SQLite (kept as {db_file})…", flush=True)
        building = CACHE / f"sqlite-{kept_name(schools, model)}.building.db"
        rows, seconds = bench_import(f"sqlite:///{building}", path)
        building.rename(db_file)
        print(f"  {rows:,} rows in {seconds:.1f} s", flush=True)
    migrate(url)
    return url


class KeptPostgres:
    """A PostgreSQL cluster (as tests/conftest.py starts one) whose data directory is kept between runs."""

    def __init__(self, schools: int, model: str = "stacked"):
        from tests.conftest import PostgresServer

        self.server = PostgresServer()
        self.dir = CACHE / f"pg-{kept_name(schools, model)}"
        self.imported = self.dir / "imported"

    def _run(self, *args):
        as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*as_user, *args], check=True, capture_output=True, timeout=300)

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://schoolbridge@127.0.0.1:{self.server.port}/schoolbridge_test"

    def start(self) -> str:
        bin_, data = self.server.bin, self.dir / "data"
        if not (data / "PG_VERSION").exists():
            shutil.rmtree(self.dir, ignore_errors=True)
            self.dir.mkdir(parents=True)
            if os.geteuid() == 0:
                shutil.chown(self.dir, "postgres", "postgres")
            self._run(str(bin_ / "initdb"), "-D", str(data), "-A", "trust", "-U", "schoolbridge", "-E", "UTF8", "--no-sync")
        options = f"-p {self.server.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
        self._run(str(bin_ / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(self.dir / "log"), "-w", "start")
        if not self.imported.exists():
            self._run(str(bin_ / "createdb"), "-h", "127.0.0.1", "-p", str(self.server.port), "-U", "schoolbridge", "schoolbridge_test")
        return self.url

    def stop(self) -> None:
        self._run(str(self.server.bin / "pg_ctl"), "-D", str(self.dir / "data"), "-m", "fast", "stop")


@contextmanager
def postgres_catalog(schools: int, path: Path, model: str = "stacked"):
    server = KeptPostgres(schools, model)
    if server.server.bin is None:
        raise SystemExit("PostgreSQL is not installed")
    url = server.start()
    try:
        if not server.imported.exists():
            print(f"importing {schools:,} schools into PostgreSQL (kept in {server.dir})…", flush=True)
            rows, seconds = bench_import(url, path)
            server.imported.write_text(str(rows))
            print(f"  {rows:,} rows in {seconds:.1f} s", flush=True)
        migrate(url)
        yield url
    finally:
        server.stop()


# --- timing ------------------------------------------------------------------------------------


class Timer:
    """Phase and statement times of the current query, kept per query."""

    def __init__(self):
        self.stack: list[str] = []
        self.current: dict[str, float] = defaultdict(float)
        self.statements: list[tuple[str, str, object, float]] = []  # phase, SQL, parameters, ms
        self._started: list[float] = []

    def wrap(self, name: str, function):
        def timed(*args, **kwargs):
            self.stack.append(name)
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.current[name] += (time.perf_counter() - start) * 1000
                self.stack.pop()

        timed.__wrapped__ = function
        return timed

    def before(self, conn, cursor, statement, parameters, context, executemany):
        self._started.append(time.perf_counter())

    def after(self, conn, cursor, statement, parameters, context, executemany):
        ms = (time.perf_counter() - self._started.pop()) * 1000
        phase = self.stack[-1] if self.stack else "-"
        self.statements.append((phase, statement, parameters, ms))

    def take(self) -> tuple[dict[str, float], list]:
        phases, statements = dict(self.current), self.statements
        self.current, self.statements = defaultdict(float), []
        return phases, statements


def instrument(timer: Timer) -> None:
    import catalog.queries as queries_module
    import catalog.search as search_module

    for name in PHASES:
        function = getattr(search_module, name, None)
        if function is not None and not hasattr(function, "__wrapped__"):
            setattr(search_module, name, timer.wrap(name, function))
    # the catalog's statements run on the driver's cursor, past SQLAlchemy's events: timed here
    run = queries_module.run_prepared
    if not hasattr(run, "__wrapped__"):

        def timed(prepared, values):
            params = queries_module.driver_values(prepared, values)
            timer.before(None, None, prepared.sql, params, None, False)
            try:
                return run(prepared, values)
            finally:
                timer.after(None, None, prepared.sql, params, None, False)

        timed.__wrapped__ = run
        queries_module.run_prepared = search_module.run_prepared = timed


def queries(rows: list[dict], count: int, model: str = "stacked"):
    """The bench's query mix (bench_search): the same random grade, place and needs in the same order."""
    from catalog import zip_table
    from catalog.query import build_query

    for n, params in enumerate(search_params(rows, count + 20, model)):
        yield n, params, build_query(params, centroid_of=zip_table.centroid)


def statement_name(phase: str, sql: str, seen: dict) -> str:
    """A short, stable name for a statement: its phase and its first words."""
    head = " ".join(sql.split())[:48]
    key = (phase, head)
    seen.setdefault(key, len([k for k in seen if k[0] == phase]) + 1)
    return f"{phase}#{seen[key]} {head}"


def run(url: str, rows: list[dict], count: int, explain_plans: bool, profile: int, label: str, model: str = "stacked") -> None:
    from sqlalchemy import event

    from app import ready_for_traffic
    from app.extensions import db
    from catalog.search import search

    app = make_app(url)
    ready_for_traffic()
    timer = Timer()
    instrument(timer)
    totals, times, per_phase, per_statement, by_query = [], [], defaultdict(list), defaultdict(list), []
    sample_statements = None
    names: dict = {}
    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", timer.before)
        event.listen(db.engine, "after_cursor_execute", timer.after)
        try:
            for n, params, query in queries(rows, count, model):
                timer.take()
                with app.test_request_context():  # as every door searches: the catalog's revision read once a request
                    start = time.perf_counter()
                    result = search(query)
                    elapsed = (time.perf_counter() - start) * 1000
                    phases, statements = timer.take()
                db.session.remove()
                if n < 20:
                    continue
                times.append(elapsed)
                totals.append(result.total)
                by_query.append((elapsed, n, params, query, result.total, len(statements)))
                for name, ms in phases.items():
                    per_phase[name].append(ms)
                per_query = defaultdict(float)
                for phase, sql, _parameters, ms in statements:
                    per_query[statement_name(phase, sql, names)] += ms
                for name, ms in per_query.items():
                    per_statement[name].append(ms)
                if sample_statements is None and result.total:
                    sample_statements = statements
        finally:
            event.remove(db.engine, "before_cursor_execute", timer.before)
            event.remove(db.engine, "after_cursor_execute", timer.after)
        n = len(times)
        print(f"\n== {label}: {db.engine.dialect.name}, {n} queries, {statistics.mean(totals):.0f} hits on average ==")
        print(
            f"search            p50 {percentile(times, 50):7.2f} ms   p95 {percentile(times, 95):7.2f} ms   mean {statistics.mean(times):7.2f} ms"
        )
        print("\nphases (ms; each over the queries that ran it; mean × runs / queries = its share of the mean)")
        print(f"  {'phase':<22} {'runs':>5} {'p50':>8} {'p95':>8} {'mean':>8} {'share':>8}")
        for name in PHASES:
            if name in per_phase:
                values = per_phase[name]
                share = sum(values) / n
                print(
                    f"  {name:<22} {len(values):>5} {percentile(values, 50):8.2f} {percentile(values, 95):8.2f} {statistics.mean(values):8.2f} {share:8.2f}"
                )
        print("\nSQL statements (ms in the database driver, per query that ran them)")
        for name, values in sorted(per_statement.items(), key=lambda item: -sum(item[1])):
            share = sum(values) / n
            print(f"  {len(values):>4}× p50 {percentile(values, 50):7.2f} p95 {percentile(values, 95):7.2f} share {share:6.2f}  {name}")
        by_query.sort(reverse=True)
        print("\nslowest queries (ms, total, statements)")
        for elapsed, n_, params, _query, total, statements in by_query[:8]:
            print(f"  {elapsed:7.2f} ms  #{n_:<4} total {total:>5}  {statements} statements  {params}")
        if explain_plans and sample_statements:
            explain(db, sample_statements)
        if profile:
            profile_slowest(db, search, by_query[:profile])
        db.engine.dispose()


def explain(db, statements) -> None:
    postgresql = db.engine.dialect.name == "postgresql"
    prefix = "EXPLAIN (ANALYZE, BUFFERS) " if postgresql else "EXPLAIN QUERY PLAN "
    print("\nplans of one query's statements")
    with db.engine.connect() as connection:
        for phase, sql, parameters, ms in statements:
            if not sql.lstrip().upper().startswith("SELECT") or "catalog_revision" in sql:
                continue
            print(f"\n--- {phase} ({ms:.2f} ms)\n{' '.join(sql.split())[:600]}")
            for row in connection.exec_driver_sql(prefix + sql, parameters):
                print("   ", row[-1] if not postgresql else row[0])


def profile_slowest(db, search, slowest) -> None:
    for elapsed, n, params, query, _total, _statements in slowest:
        profiler = cProfile.Profile()
        profiler.enable()
        search(query)
        profiler.disable()
        db.session.remove()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
        print(f"\ncProfile of query #{n} ({elapsed:.1f} ms when measured) {params}")
        print("\n".join(line for line in out.getvalue().splitlines() if line.strip())[:6000])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--schools", type=int, default=100_000)
    parser.add_argument("--model", choices=MODELS, default="stacked", help="the catalog model (bench.synthesize)")
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=1, help="run the mix this many times in the same process")
    parser.add_argument("--explain", action="store_true", help="print the plans of one query's statements")
    parser.add_argument("--cprofile", type=int, default=0, metavar="N", help="cProfile the N slowest queries")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    rows, path = catalog_rows(args.schools, args.model)
    if args.backend == "sqlite":
        url = sqlite_catalog(args.schools, path, args.model)
        for r in range(args.repeat):
            run(url, rows, args.queries, args.explain and r == 0, args.cprofile if r == 0 else 0, f"run {r + 1}", args.model)
    else:
        with postgres_catalog(args.schools, path, args.model) as url:
            for r in range(args.repeat):
                run(url, rows, args.queries, args.explain and r == 0, args.cprofile if r == 0 else 0, f"run {r + 1}", args.model)


if __name__ == "__main__":
    main()

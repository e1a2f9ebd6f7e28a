"""The `extract` command line: parses options and calls plain functions."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from .errors import ExtractError
from .evaluate import evaluate, format_table
from .models import record_schema
from .progress import RunDisplay
from .settings import Settings

app = typer.Typer(
    help="Turn interview and profile articles about film people into a checkable database: "
         "who is named, which films they worked on and in which role, and where they studied.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)


def _fail(message: str, code: int) -> typer.Exit:
    typer.secho(f"Error: {message}", err=True, fg=typer.colors.RED)
    return typer.Exit(code)


@app.command()
def run(
    inputs: Annotated[list[Path], typer.Argument(
        help="Article files or folders. Every .txt, .md and .html file inside is read, in path order.",
        show_default=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the results.")] = Path("data/out"),
    rules: Annotated[Path | None, typer.Option(
        help="Folder of rule files to use instead of the project's rules/.")] = None,
    model: Annotated[str | None, typer.Option(
        help="An installed spaCy pipeline (name or folder) whose entities add evidence.")] = None,
    no_cache: Annotated[bool, typer.Option(
        "--no-cache", help="Extract every article again instead of reusing results of earlier runs.")] = False,
    max_mb: Annotated[float | None, typer.Option(
        "--max-mb", help="Largest file read, in MB (default 20); larger files are reported as failed.")] = None,
    workers: Annotated[int, typer.Option(
        "--workers", "-w", min=1, help="How many processes share the articles (one per CPU core is best).")] = 1,
    cluster: Annotated[str | None, typer.Option(
        help="Address of a Dask scheduler (tcp://host:8786) to run the articles on a cluster.")] = None,
    corrections: Annotated[Path | None, typer.Option(
        exists=True, dir_okay=False, help="A corrections.jsonl saved from review.html: applied to every record.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
) -> None:
    """Extract people, films, schools, credits and education from articles.

    Writes into --out: records.jsonl (one record per article); people.jsonl, films.jsonl,
    schools.jsonl (one entity per real person, film and school); the same as CSV tables with
    credits.csv and education.csv; review.html (open it in a browser to check the results and
    record corrections); schema.json and report.json.
    Results of earlier runs are reused for unchanged articles. Exit code 0: every article
    gave a record; 1: some files failed (the others are still written); 2: the command was
    used wrongly (for example an input that does not exist, or a broken rules file);
    130: interrupted, and the previous results in --out are unchanged.
    """
    from .pipeline import run as run_pipeline

    missing = [str(p) for p in inputs if not p.exists() and not p.is_symlink()]
    if missing:
        raise _fail(f"no such file or folder: {', '.join(missing)}", 2)
    changes = {k: v for k, v in (("rules_dir", rules), ("max_file_mb", max_mb)) if v is not None}
    try:
        settings = Settings(**changes)
    except ValueError as exc:
        raise _fail(f"invalid option: {exc}", 2) from exc

    display = RunDisplay(quiet=quiet)
    try:
        report = run_pipeline(inputs, out, settings, model, on_result=display.result, on_start=display.start,
                              use_cache=not no_cache, workers=workers, cluster=cluster, corrections=corrections)
    except ExtractError as exc:
        display.stop()
        raise _fail(str(exc), 2) from exc
    except KeyboardInterrupt:
        display.stop()
        raise _fail(f"interrupted. The previous results in {out} are unchanged; run the same command "
                    "again to finish (articles already done are reused).", 130) from None
    display.summary(report, out)
    raise typer.Exit(1 if report["totals"]["failed"] else 0)


@app.command("eval")
def eval_(
    pred: Annotated[Path, typer.Argument(help="A records.jsonl written by 'extract run'.",
                                         show_default=False)],
    gold_dir: Annotated[Path | None, typer.Argument(help="Folder of hand-labelled gold files <doc_id>.json.",
                                                    show_default=False)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v",
                                          help="List each article's misses and false positives.")] = False,
    corrections: Annotated[Path | None, typer.Option(
        help="A corrections.jsonl saved from review.html; with --write-gold it turns the reviewed "
             "articles into gold files.")] = None,
    write_gold: Annotated[Path | None, typer.Option(
        "--write-gold", help="Folder to write gold files into: the records of every reviewed article "
                             "with the corrections applied.")] = None,
) -> None:
    """Score extracted records against gold files: precision, recall and F1 per field.

    Names are compared after the normalisation of the gold format (case, quotes, dashes,
    a leading "the", "&" as "and"); a gold article with no record counts as all misses.
    With --corrections and --write-gold, the decisions made on the review page become gold
    files (for the articles that were reviewed), ready to score later runs against.
    """
    if write_gold is not None:
        if corrections is None:
            raise _fail("--write-gold needs --corrections FILE (the decisions to turn into gold files)", 2)
        from .api import load
        from .corrections import gold_files, load as load_corrections
        try:
            written = gold_files(load(pred), load_corrections(corrections), write_gold)
        except (ExtractError, OSError) as exc:
            raise _fail(str(exc), 2) from exc
        typer.echo(f"{len(written)} gold files written into {write_gold}")
        if gold_dir is None:
            return
    if gold_dir is None:
        raise _fail("give the folder of gold files to score against (or --write-gold)", 2)
    try:
        report = evaluate(pred, gold_dir)
    except ExtractError as exc:
        raise _fail(str(exc), 2) from exc
    if as_json:
        data = report.as_json()
        if not verbose:
            data.pop("errors")
        typer.echo(json.dumps(data, indent=2, sort_keys=True))
        return
    typer.echo(format_table(report))
    if report.missing:
        typer.echo(f"\n{len(report.missing)} gold articles had no record: {', '.join(report.missing)}")
    if verbose:
        for doc_id, fields in sorted(report.errors.items()):
            typer.echo(f"\n== {doc_id}")
            for fld, err in fields.items():
                for item in err["missed"]:
                    typer.echo(f"  {fld:<17} missed          {item}")
                for item in err["false_positives"]:
                    typer.echo(f"  {fld:<17} false positive  {item}")


@app.command()
def schema() -> None:
    """Print the JSON Schema of one record of records.jsonl."""
    typer.echo(json.dumps(record_schema(), indent=2, sort_keys=True))


def main() -> None:  # pragma: no cover
    app()

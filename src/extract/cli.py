"""The `extract` command line: parses options and calls plain functions."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from .errors import ExtractError
from .evaluate import evaluate, format_table
from .models import record_schema
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
) -> None:
    """Extract people, films, schools, credits and education from articles.

    Writes records.jsonl (one record per article), people.jsonl, films.jsonl, schools.jsonl
    (one entity per real person, film and school), schema.json and report.json into --out.
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

    def show(result) -> None:
        if result.status == "failed":
            typer.secho(f"failed: {result.reason}", err=True, fg=typer.colors.YELLOW)
        elif result.status == "skipped":
            typer.secho(f"skipped: {result.reason}", err=True)

    try:
        report = run_pipeline(inputs, out, settings, model, on_result=show, use_cache=not no_cache,
                              workers=workers, cluster=cluster)
    except ExtractError as exc:
        raise _fail(str(exc), 2) from exc
    except KeyboardInterrupt:
        raise _fail(f"interrupted. The previous results in {out} are unchanged; run the same command "
                    "again to finish (articles already done are reused).", 130) from None
    t = report["totals"]
    typer.echo(f"{t['ok']} of {t['files'] - t['skipped']} articles extracted into {out} "
               f"({t['people']} people, {t['films']} films, {t['schools']} schools, "
               f"{t['credits']} credits, {t['education']} education items; {t['cached']} reused "
               f"from earlier runs); {t['failed']} failed, {t['skipped']} other files skipped.")
    raise typer.Exit(1 if t["failed"] else 0)


@app.command("eval")
def eval_(
    pred: Annotated[Path, typer.Argument(help="A records.jsonl written by 'extract run'.",
                                         show_default=False)],
    gold_dir: Annotated[Path, typer.Argument(help="Folder of hand-labelled gold files <doc_id>.json.",
                                             show_default=False)],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v",
                                          help="List each article's misses and false positives.")] = False,
) -> None:
    """Score extracted records against gold files: precision, recall and F1 per field.

    Names are compared after the normalisation of the gold format (case, quotes, dashes,
    a leading "the", "&" as "and"); a gold article with no record counts as all misses.
    """
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

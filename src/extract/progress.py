"""What a run shows while it works: a progress bar (files done, files per second, failures
so far) and a closing summary table. The bar hides itself when the output is no terminal;
quiet mode shows nothing but the failures."""
from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table


class RunDisplay:
    """Feed it `start(total)`, then `result(file_result)` for each file, then `summary(report)`."""

    def __init__(self, quiet: bool = False, console: Console | None = None):
        self.quiet = quiet
        self.console = console or Console(stderr=True)
        self.failed = 0
        self.progress = Progress(
            TextColumn("[bold]extracting"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
            TextColumn("{task.fields[rate]:.1f} files/s"), TextColumn("{task.fields[failed]} failed"),
            TimeElapsedColumn(), console=self.console, transient=True,
            disable=quiet or not self.console.is_terminal)
        self.task = None

    def start(self, total: int) -> None:
        self.progress.start()
        self.task = self.progress.add_task("extract", total=total, rate=0.0, failed=0)

    def result(self, result) -> None:
        if result.status == "failed":
            self.failed += 1
            self.console.print(f"[yellow]failed:[/] {result.reason}", highlight=False, markup=True)
        elif result.status == "skipped" and not self.quiet:
            self.console.print(f"skipped: {result.reason}", highlight=False, markup=False)
        if self.task is not None and result.status != "skipped":
            elapsed = self.progress.tasks[0].elapsed or 0.0
            done = self.progress.tasks[0].completed + 1
            self.progress.update(self.task, advance=1, failed=self.failed, rate=done / elapsed if elapsed else 0.0)

    def stop(self) -> None:
        self.progress.stop()

    def summary(self, report: dict, out) -> None:
        self.stop()
        if self.quiet:
            return
        t = report["totals"]
        table = Table(title=f"extract run → {out}", show_header=True, header_style="bold")
        for col in ("articles", "people", "films", "schools", "credits", "education", "failed", "seconds"):
            table.add_column(col, justify="right")
        table.add_row(f"{t['ok']} of {t['files'] - t['skipped']}", *(str(t[k]) for k in
                      ("people", "films", "schools", "credits", "education", "failed")),
                      f"{report['elapsed_seconds']:.1f}")
        Console().print(table)
        e = report["entities"]
        Console().print(f"{e['people']} distinct people, {e['films']} films, {e['schools']} schools across the "
                        f"collection; {t['cached']} articles reused from earlier runs; {t['skipped']} other files "
                        "skipped.", highlight=False)

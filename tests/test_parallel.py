"""Several local processes and a Dask cluster give the same output files as one process."""
from __future__ import annotations

import pytest

from extract.pipeline import run

from .conftest import RAW

FILES = ("records.jsonl", "people.jsonl", "films.jsonl", "schools.jsonl", "schema.json", "people.csv", "films.csv",
         "schools.csv", "credits.csv", "education.csv", "review.html")


@pytest.fixture(scope="module")
def single(tmp_path_factory):
    out = tmp_path_factory.mktemp("single")
    run([RAW], out, use_cache=False)
    return out


def _same(a, b) -> None:
    for name in FILES:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


@pytest.mark.parametrize("workers", [2, 3])
def test_local_workers_give_identical_output(single, tmp_path, workers):
    run([RAW], tmp_path, use_cache=False, workers=workers)
    _same(single, tmp_path)


def test_dask_cluster_gives_identical_output(single, tmp_path):
    distributed = pytest.importorskip("dask.distributed", reason="Dask is not installed (extract[cluster])")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        run([RAW], tmp_path, use_cache=False, cluster=cluster.scheduler_address)
    _same(single, tmp_path)


def test_unreachable_cluster_is_a_clear_error(tmp_path):
    pytest.importorskip("dask.distributed", reason="Dask is not installed (extract[cluster])")
    from extract.errors import ExtractError
    with pytest.raises(ExtractError, match="could not reach the Dask scheduler"):
        run([RAW], tmp_path, use_cache=False, cluster="tcp://127.0.0.1:1")


def test_worker_pipeline_is_kept_out_of_garbage_collection():
    """A worker's pipeline lives as long as the process; full collections must not walk it."""
    import gc

    from extract.parallel import Job, _EXTRACTORS, _extractor
    from extract.settings import Settings

    _EXTRACTORS.clear()
    gc.unfreeze()
    extractor = _extractor(Job(RAW, "x", Settings().model_dump_json(), None, None, ""))
    try:
        assert gc.get_freeze_count() > 0
        assert _extractor(Job(RAW, "y", Settings().model_dump_json(), None, None, "")) is extractor
    finally:
        gc.unfreeze()
        _EXTRACTORS.clear()

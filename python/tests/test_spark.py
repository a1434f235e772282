"""Both Spark jobs of examples/spark on local[2] over 2,000 documents: every
repaired record equals the command's."""

from __future__ import annotations

import shutil

import pytest

pytest.importorskip("pyspark")
if shutil.which("java") is None:  # pragma: no cover - depends on the machine
    pytest.skip("Spark needs Java", allow_module_level=True)


def test_both_jobs_on_two_cores_equal_the_command(cli, tmp_path):
    import run

    results = run.run(2000, ["local[2]"], cli, tmp_path)
    jobs = {(r["job"], r["master"]): r for r in results}
    assert set(jobs) == {
        ("command", "textmend --jsonl"),
        ("dataframe", "local[2]"),
        ("pipe", "local[2]"),
    }
    for result in results:
        assert result["mismatches"] == 0, result
        assert result["records_per_s"] > 0


def test_the_udf_keeps_missing_texts(cli, tmp_path):
    import run
    from jobs import repair_column

    import textmend

    spark = run.session("local[2]")
    try:
        df = spark.createDataFrame(
            [(1, "把学习习近\n平总书记的讲话"), (2, None), (3, "infor-\nmation about")],
            "id LONG, text STRING",
        )
        rows = repair_column(df, cjk_punct="full").orderBy("id").collect()
    finally:
        spark.stop()
    assert [r.text for r in rows] == [
        textmend.repair("把学习习近\n平总书记的讲话", cjk_punct="full")[:-1],
        None,
        "information about",
    ]

"""Dagster assets for the ingest → clean → nlp → load layers: thin wrappers around the
pure functions of each stage. Every layer is partitioned by inbox batch (one dynamic
partition per scan of new/changed files, never one per article)."""

from functools import partial

import dagster as dg

from pipeline import (asset_metadata, batch_order, catalog, check_sql, checks, faults, gc_pause, ingest, isolation, load,
                      nlp, reannotate, stages)
from pipeline.nlp import prefetch
from pipeline.records import InboxFile, VersionAnnotations
from pipeline.stages import CleanBatch, ParsedBatch, duplicates_marked
from pipeline.resources import InboxResource, WarehouseResource

inbox_batches = dg.DynamicPartitionsDefinition(name="inbox_batches")
WAREHOUSE_POOL = "duckdb_writer"  # one writer at a time (dagster.yaml limits pools to 1)

TABLES = tuple(load.TABLE_KEYS)


class InboxScanConfig(dg.Config):
    """`only`: inbox-relative file names to consider (the sensor's batch); empty = all."""

    only: list[str] = []


@dg.asset(group_name="ingest", partitions_def=inbox_batches, pool=WAREHOUSE_POOL, kinds={"python"},
          output_required=False)
def inbox_files(context: dg.AssetExecutionContext, config: InboxScanConfig, inbox: InboxResource,
                warehouse: WarehouseResource):
    """Entries of the inbox that the warehouse has not seen with this content (by
    sha256); a file with the bytes of one already loaded is marked as its duplicate;
    files gone from the inbox are marked `deleted` in `files` (their rows stay).
    None: no output, so the batch stages (NLP, load, checks) are skipped for the run."""
    kept = None if config.only else ingest.kept_scan(inbox.path)  # hashed by the CLI's pending work just before
    found = kept if kept is not None else ingest.scan_inbox(inbox.path, only=config.only or None, detect=False)
    with warehouse.get_connection() as con:
        load.ensure_schema(con)
        gone = load.mark_deleted(con, {f.name for f in found}, config.only or None)
        known = {r[0] for r in con.execute("SELECT file_id FROM files WHERE status <> 'deleted'").fetchall()}
        loaded_by_sha = load.loaded_paths_by_sha(con)
    new = duplicates_marked([ingest.with_format(f) for f in found if f.file_id not in known], loaded_by_sha)
    if gone:
        context.log.info(f"{gone} file(s) no longer in the inbox marked deleted")
    if not new:
        context.log.info(f"nothing new among {len(found)} files: no NLP, no load, no checks for this batch")
        return
    yield dg.Output(new, metadata={"scanned": len(found), "new_or_changed": len(new),
                                   "skipped_unchanged": len(found) - len(new), "marked_deleted": gone})


@dg.asset(group_name="ingest", partitions_def=inbox_batches, kinds={"python"})
def parsed_documents(context: dg.AssetExecutionContext, inbox_files: list[InboxFile]) -> ParsedBatch:
    """Each new file parsed by its format (text, HTML, JSON, JSONL, NewsSniffer);
    unreadable files and records go to quarantine with the reason, the rest go on."""
    batch = prefetch.prefetched_parse(inbox_files)  # the CLI's warm process parsed these very files
    if batch is None:
        batch = stages.parse_batch(inbox_files, before_parse=partial(faults.reached, "parse"))
    elif batch.decoding or batch.quarantine:
        faults.reached("parse")  # the crash tests' pause point, as when the files are read here
    context.add_output_metadata({"documents": len(batch.documents), "quarantined": len(batch.quarantine),
                                 "records_quarantined": sum(len(v) for v in batch.record_errors.values())})
    return batch


@dg.asset(group_name="clean", partitions_def=inbox_batches, kinds={"python"})
def clean_articles(context: dg.AssetExecutionContext, parsed_documents: ParsedBatch) -> CleanBatch:
    """Chrome removed, glued paragraphs repaired, byline/dateline/agency/dates read."""
    out = prefetch.prefetched_clean(parsed_documents)  # the CLI's warm process cleaned this very batch
    if out is None:
        out = stages.clean_batch(parsed_documents)
    context.add_output_metadata({"articles": len(out.articles),
                                 "versions": sum(len(a.versions) for a in out.articles)})
    return out


class LoadOrderConfig(dg.Config):
    """`load_after`: batches that must be loaded before this one (batches run in parallel)."""

    load_after: list[str] = []


@dg.asset(group_name="nlp", partitions_def=inbox_batches, kinds={"spacy"})
def nlp_annotations(context: dg.AssetExecutionContext, config: LoadOrderConfig,
                    clean_articles: CleanBatch) -> list[VersionAnnotations]:
    """spaCy en_core_web_sm over every version: mentions, actors, quotes, events (in worker
    processes); then, for parallel batches, wait until the earlier batches are loaded. A
    version that fails is marked (`error`) and its article quarantined at load."""
    faults.reached("nlp")
    annotations = nlp.annotate_articles(clean_articles.articles)
    batch_order.wait_for_turn(context.instance, config.load_after, context.log.info)
    context.add_output_metadata({
        "versions": len(annotations),
        "failed": sum(1 for a in annotations if a.error),
        "mentions": sum(len(a.mentions) for a in annotations),
        "quotes": sum(len(a.quotes) for a in annotations),
        "events": sum(len(a.events) for a in annotations),
    })
    return annotations


@dg.multi_asset(
    specs=[
        dg.AssetSpec(t, group_name="warehouse", description=catalog.describe(t),
                     deps=["clean_articles", "nlp_annotations"], kinds={"duckdb"},
                     metadata=asset_metadata.definition_metadata(t))
        for t in TABLES
    ],
    ins={"clean_articles": dg.AssetIn(), "nlp_annotations": dg.AssetIn()},
    check_specs=checks.CHECK_SPECS,
    partitions_def=inbox_batches,
    pool=WAREHOUSE_POOL,
    can_subset=False,
)
def warehouse_tables(context: dg.AssetExecutionContext, warehouse: WarehouseResource,
                     clean_articles: CleanBatch, nlp_annotations: list[VersionAnnotations]):
    """Upsert the batch into every table in one transaction (all or nothing); the
    blocking checks run inside it over the batch's new and changed rows (foreign keys
    into the whole warehouse), before the commit, so a failing check leaves the
    warehouse as it was. The whole-table suites run on a schedule (pipeline.check_suites)."""
    batch_key = context.partition_key if context.has_partition_key else "manual"
    ledger = clean_articles.ledger()
    articles, annotations = isolation.without_failed_nlp(ledger, clean_articles.articles, nlp_annotations)
    outcomes: list[checks.CheckOutcome] = []

    def verify(con, scope: check_sql.BatchScope) -> None:
        outcomes.extend(check_sql.run_batch_checks(con, scope))
        failed = [o for o in outcomes if not o.passed]
        if failed:
            raise checks.BlockingChecksFailed(failed)

    with warehouse.get_connection() as con, gc_pause.collections_paused():
        load.ensure_schema(con)
        articles, annotations, rows = isolation.build_rows_isolated(con, ledger, articles, annotations)
        loaded = {a.file_id for a in articles}
        files = load.file_rows(ledger.files, ledger.quarantine, batch_key, ledger.notes, ledger.decoding,
                               ledger.record_errors, loaded)
        rows["quarantined_records"] = load.quarantined_record_rows(ledger.files, ledger.record_errors, batch_key)
        try:
            written = load.write_batch(con, files, rows, verify=verify)
        except checks.BlockingChecksFailed:
            for outcome in outcomes:
                yield checks.asset_check_result(outcome)
            raise
        totals = load.table_counts(con)
        shown = {t: asset_metadata.materialization_metadata(con, t) for t in TABLES}
    for t in TABLES:
        yield dg.MaterializeResult(asset_key=t, metadata={"rows_upserted": written.get(t, 0), "row_count": totals[t],
                                                          **shown[t]})
    for outcome in outcomes:
        yield checks.asset_check_result(outcome)


class ReannotateConfig(dg.Config):
    """`batch_size` versions per transaction; `limit` > 0 re-annotates only that many."""

    batch_size: int = reannotate.BATCH_SIZE
    limit: int = 0


@dg.asset(group_name="nlp", deps=["versions"], pool=WAREHOUSE_POOL, kinds={"spacy", "duckdb"})
def reannotated_versions(context: dg.AssetExecutionContext, config: ReannotateConfig,
                         warehouse: WarehouseResource) -> dg.MaterializeResult:
    """Versions whose extractor_version is older than the code's, annotated again from their
    stored cleaned text (no file re-read), in batches; same IDs where nothing changed."""
    done = reannotate.reannotate_stale(warehouse.get_connection, config.batch_size, config.limit, context.log.info)
    return dg.MaterializeResult(metadata={"versions": done.versions, "batches": done.batches,
                                          "rows_written": done.rows})

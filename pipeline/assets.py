"""Dagster assets for the ingest → clean → nlp → load layers: thin wrappers around the
pure functions of each stage. Every layer is partitioned by inbox batch (one dynamic
partition per scan of new/changed files, never one per article)."""

from dataclasses import dataclass, field, replace

import dagster as dg


from pipeline import (asset_metadata, batch_order, catalog, check_sql, checks, clean, faults, gc_pause, ingest, isolation, load,
                      nlp, reannotate)
from pipeline.records import CleanArticle, InboxFile, ParsedDocument, RecordError, VersionAnnotations
from pipeline.resources import InboxResource, WarehouseResource

inbox_batches = dg.DynamicPartitionsDefinition(name="inbox_batches")
WAREHOUSE_POOL = "duckdb_writer"  # one writer at a time (dagster.yaml limits pools to 1)

TABLES = tuple(load.TABLE_KEYS)


class InboxScanConfig(dg.Config):
    """`only`: inbox-relative file names to consider (the sensor's batch); empty = all."""

    only: list[str] = []


@dataclass
class FileLedger:
    """What the stages learned about each file of the batch: becomes its `files` row
    (status, reason, encoding, lossy, duplicate) and its `quarantined_records`."""

    files: list[InboxFile]
    quarantine: dict[str, str] = field(default_factory=dict)  # file_id -> reason
    notes: dict[str, str] = field(default_factory=dict)  # file_id -> note for loaded files
    decoding: dict[str, tuple[str | None, bool]] = field(default_factory=dict)  # file_id -> (encoding, lossy)
    record_errors: dict[str, list[RecordError]] = field(default_factory=dict)  # file_id -> bad records
    records_in_file: dict[str, int] = field(default_factory=dict)  # file_id -> documents parsed

    def reject(self, file_id: str, record_no: int, reason: str) -> None:
        """Quarantine one document: the whole file when it is the file's only record,
        else just that record (the file's other records go on)."""
        if self.records_in_file.get(file_id, 1) > 1:
            self.record_errors.setdefault(file_id, []).append(RecordError(record_no, reason))
        else:
            self.quarantine.setdefault(file_id, reason)

    def ledger(self) -> "FileLedger":
        return FileLedger(self.files, dict(self.quarantine), dict(self.notes), dict(self.decoding),
                          {k: list(v) for k, v in self.record_errors.items()}, dict(self.records_in_file))


@dataclass
class ParsedBatch(FileLedger):
    documents: list[ParsedDocument] = field(default_factory=list)


@dataclass
class CleanBatch(FileLedger):
    articles: list[CleanArticle] = field(default_factory=list)


@dg.asset(group_name="ingest", partitions_def=inbox_batches, pool=WAREHOUSE_POOL, kinds={"python"},
          output_required=False)
def inbox_files(context: dg.AssetExecutionContext, config: InboxScanConfig, inbox: InboxResource,
                warehouse: WarehouseResource):
    """Entries of the inbox that the warehouse has not seen with this content (by
    sha256); a file with the bytes of one already loaded is marked as its duplicate;
    files gone from the inbox are marked `deleted` in `files` (their rows stay).
    None: no output, so the batch stages (NLP, load, checks) are skipped for the run."""
    found = ingest.scan_inbox(inbox.path, only=config.only or None)
    with warehouse.get_connection() as con:
        load.ensure_schema(con)
        gone = load.mark_deleted(con, {f.name for f in found}, config.only or None)
        known = {r[0] for r in con.sql("SELECT file_id FROM files WHERE status <> 'deleted'").fetchall()}
        loaded_by_sha = load.loaded_paths_by_sha(con)
    new = duplicates_marked([f for f in found if f.file_id not in known], loaded_by_sha)
    if gone:
        context.log.info(f"{gone} file(s) no longer in the inbox marked deleted")
    if not new:
        context.log.info(f"nothing new among {len(found)} files: no NLP, no load, no checks for this batch")
        return
    yield dg.Output(new, metadata={"scanned": len(found), "new_or_changed": len(new),
                                   "skipped_unchanged": len(found) - len(new), "marked_deleted": gone})


def duplicates_marked(files: list[InboxFile], loaded_by_sha: dict[str, str]) -> list[InboxFile]:
    """A readable file whose bytes equal a file loaded before (or earlier in this
    batch, by name order) records which file it duplicates and is not parsed again."""
    first = dict(loaded_by_sha)
    out = []
    for f in files:
        if f.problem or f.format == "sidecar":
            out.append(f)
        elif f.sha256 in first and first[f.sha256] != f.name:
            out.append(replace(f, duplicate_of=first[f.sha256]))
        else:
            first.setdefault(f.sha256, f.name)
            out.append(f)
    return out


@dg.asset(group_name="ingest", partitions_def=inbox_batches, kinds={"python"})
def parsed_documents(context: dg.AssetExecutionContext, inbox_files: list[InboxFile]) -> ParsedBatch:
    """Each new file parsed by its format (text, HTML, JSON, JSONL, NewsSniffer);
    unreadable files and records go to quarantine with the reason, the rest go on."""
    batch = ParsedBatch(files=inbox_files)
    for f in inbox_files:
        if f.format == "sidecar":
            batch.notes[f.file_id] = "metadata sidecar of the article file with the same stem"
            continue
        if f.duplicate_of:
            batch.notes[f.file_id] = f"same content as {f.duplicate_of}"
            continue
        faults.reached("parse")
        try:
            parsed = ingest.parse_file_report(f)
        except ingest.ParseError as exc:
            batch.quarantine[f.file_id] = str(exc)
            continue
        except Exception as exc:  # noqa: BLE001 — one bad file must not sink the batch
            batch.quarantine[f.file_id] = f"parse failed: {type(exc).__name__}: {exc}"[:500]
            continue
        batch.documents.extend(parsed.documents)
        batch.decoding[f.file_id] = (parsed.encoding, parsed.lossy)
        batch.records_in_file[f.file_id] = len(parsed.documents) + len(parsed.record_errors)
        if parsed.record_errors:
            batch.record_errors[f.file_id] = list(parsed.record_errors)
    context.add_output_metadata({"documents": len(batch.documents), "quarantined": len(batch.quarantine),
                                 "records_quarantined": sum(len(v) for v in batch.record_errors.values())})
    return batch


@dg.asset(group_name="clean", partitions_def=inbox_batches, kinds={"python"})
def clean_articles(context: dg.AssetExecutionContext, parsed_documents: ParsedBatch) -> CleanBatch:
    """Chrome removed, glued paragraphs repaired, byline/dateline/agency/dates read."""
    out = CleanBatch(**vars(parsed_documents.ledger()))
    for doc in parsed_documents.documents:
        try:
            article = clean.clean_document(doc)
        except Exception as exc:  # noqa: BLE001 — one bad record must not sink the batch
            out.reject(doc.file.file_id, doc.record_no, f"cleaning failed: {type(exc).__name__}: {exc}"[:500])
            continue
        if not any(v.text.strip() for v in article.versions):
            out.reject(doc.file.file_id, doc.record_no, "no body text left after cleaning")
            continue
        out.articles.append(article)
    bad = set(out.quarantine)
    out.articles = [a for a in out.articles if a.file_id not in bad]
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

"""Dagster assets for the ingest → clean → nlp → load layers: thin wrappers around the
pure functions of each stage. Every layer is partitioned by inbox batch (one dynamic
partition per scan of new/changed files, never one per article)."""

from dataclasses import dataclass, field

import dagster as dg


from pipeline import asset_metadata, batch_order, catalog, clean, ingest, load, nlp, reannotate
from pipeline.records import CleanArticle, InboxFile, ParsedDocument, VersionAnnotations
from pipeline.resources import InboxResource, WarehouseResource

inbox_batches = dg.DynamicPartitionsDefinition(name="inbox_batches")
WAREHOUSE_POOL = "duckdb_writer"  # one writer at a time (dagster.yaml limits pools to 1)

TABLES = tuple(load.TABLE_KEYS)

class InboxScanConfig(dg.Config):
    """`only`: inbox-relative file names to consider (the sensor's batch); empty = all."""

    only: list[str] = []


@dataclass
class ParsedBatch:
    files: list[InboxFile]
    documents: list[ParsedDocument]
    quarantine: dict[str, str] = field(default_factory=dict)  # file_id -> reason
    notes: dict[str, str] = field(default_factory=dict)  # file_id -> note for loaded files


@dataclass
class CleanBatch:
    files: list[InboxFile]
    articles: list[CleanArticle]
    quarantine: dict[str, str] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)


@dg.asset(group_name="ingest", partitions_def=inbox_batches, pool=WAREHOUSE_POOL, kinds={"python"},
          output_required=False)
def inbox_files(context: dg.AssetExecutionContext, config: InboxScanConfig, inbox: InboxResource,
                warehouse: WarehouseResource):
    """Files in the inbox that the warehouse has not seen with this content (by sha256).
    None: no output, so the batch stages (NLP, load, checks) are skipped for the run."""
    found = ingest.scan_inbox(inbox.path, only=config.only or None)
    with warehouse.get_connection() as con:
        load.ensure_schema(con)
        known = {r[0] for r in con.sql("SELECT file_id FROM files").fetchall()}
    new = [f for f in found if f.file_id not in known]
    if not new:
        context.log.info(f"nothing new among {len(found)} files: no NLP, no load, no checks for this batch")
        return
    yield dg.Output(new, metadata={"scanned": len(found), "new_or_changed": len(new),
                                   "skipped_unchanged": len(found) - len(new)})


@dg.asset(group_name="ingest", partitions_def=inbox_batches, kinds={"python"})
def parsed_documents(context: dg.AssetExecutionContext, inbox_files: list[InboxFile]) -> ParsedBatch:
    """Each new file parsed by its format (text, HTML, JSON, JSONL, NewsSniffer);
    unreadable files go to quarantine with the reason."""
    batch = ParsedBatch(files=inbox_files, documents=[])
    for f in inbox_files:
        if f.format == "sidecar":
            batch.notes[f.file_id] = "metadata sidecar of the article file with the same stem"
            continue
        try:
            batch.documents.extend(ingest.parse_file(f))
        except ingest.ParseError as exc:
            batch.quarantine[f.file_id] = str(exc)
    context.add_output_metadata({"documents": len(batch.documents), "quarantined": len(batch.quarantine)})
    return batch


@dg.asset(group_name="clean", partitions_def=inbox_batches, kinds={"python"})
def clean_articles(context: dg.AssetExecutionContext, parsed_documents: ParsedBatch) -> CleanBatch:
    """Chrome removed, glued paragraphs repaired, byline/dateline/agency/dates read."""
    out = CleanBatch(files=parsed_documents.files, articles=[], quarantine=dict(parsed_documents.quarantine),
                     notes=dict(parsed_documents.notes))
    for doc in parsed_documents.documents:
        if doc.file.file_id in out.quarantine:
            continue
        try:
            article = clean.clean_document(doc)
        except Exception as exc:  # one bad record must not sink the batch
            out.quarantine[doc.file.file_id] = f"cleaning failed: {type(exc).__name__}: {exc}"
            continue
        if not any(v.text.strip() for v in article.versions):
            out.quarantine[doc.file.file_id] = "no body text left after cleaning"
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
    processes); then, for parallel batches, wait until the earlier batches are loaded."""
    annotations = nlp.annotate_articles(clean_articles.articles)
    batch_order.wait_for_turn(context.instance, config.load_after, context.log.info)
    context.add_output_metadata({
        "versions": len(annotations),
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
    partitions_def=inbox_batches,
    pool=WAREHOUSE_POOL,
    can_subset=False,
)
def warehouse_tables(context: dg.AssetExecutionContext, warehouse: WarehouseResource,
                     clean_articles: CleanBatch, nlp_annotations: list[VersionAnnotations]):
    """Upsert the batch into every table in one transaction (all or nothing)."""
    batch_key = context.partition_key if context.has_partition_key else "manual"
    with warehouse.get_connection() as con:
        load.ensure_schema(con)
        existing, stored_actors = load.read_for_batch(con, clean_articles.articles)  # all SQL reads, up front
        rows = load.build_rows(clean_articles.articles, nlp_annotations, existing, stored_actors)
        files = load.file_rows(clean_articles.files, clean_articles.quarantine, batch_key, clean_articles.notes)
        written = load.write_batch(con, files, rows)
        totals = load.table_counts(con)
        shown = {t: asset_metadata.materialization_metadata(con, t) for t in TABLES}
    for t in TABLES:
        yield dg.MaterializeResult(asset_key=t, metadata={"rows_upserted": written.get(t, 0), "row_count": totals[t],
                                                          **shown[t]})


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

-- Where are the sentences of each version? One row per sentence with its character span
-- in the version text. Split once, when the version is loaded (version_sentences, by the
-- rule in sql/sentence_spans.sql; spaCy's sentences are not stored): here only joined to
-- the version for its article and the sentence's text.
WITH sentence_spans AS (
    SELECT version_id, sentence_no, start_char, end_char, sentence_hash
    FROM version_sentences
),

version_texts AS (
    SELECT version_id, article_id, version_no, text
    FROM versions
)

SELECT
    sentence_spans.version_id,
    version_texts.article_id,
    version_texts.version_no,
    sentence_spans.sentence_no,
    sentence_spans.start_char,
    sentence_spans.end_char,
    trim(substring(version_texts.text, sentence_spans.start_char + 1,
                   sentence_spans.end_char - sentence_spans.start_char)) AS sentence,
    sentence_spans.sentence_hash
FROM sentence_spans
JOIN version_texts USING (version_id)

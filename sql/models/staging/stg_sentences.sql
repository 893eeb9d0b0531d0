-- Where are the sentences of each version? One row per sentence with its character span
-- in the version text. Split in SQL (spaCy's sentences are not stored): a sentence ends at
-- . ! or ? (and any closing quote or bracket) followed by white space and a capital or an
-- opening quote, except after a title or an initial ("Mr.", "Gen.", "John F.") or a blank
-- line; the spans add up to the whole text.
WITH version_texts AS (
    SELECT version_id, article_id, version_no, text
    FROM versions
),

marked AS (
    SELECT
        version_id, article_id, version_no,
        string_split(regexp_replace(
            regexp_replace(text, '([.!?]["”’)\]]*)(\s+)(["“‘(]?[A-Z0-9])', '\1\2' || chr(1) || '\3', 'g'),
            '(\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Adm|Maj|Rev|St|Jr|Sr|Mt|Ft|No|Inc|Corp|Co|Ltd|vs|Jan|Feb|Aug|Sept|Oct|Nov|Dec|U\.S|U\.N|U\.K|[A-Z])\.\s+)' || chr(1),
            '\1', 'g'), chr(1)) AS pieces
    FROM version_texts
),

pieces AS (
    SELECT version_id, article_id, version_no,
           unnest(pieces) AS sentence,
           unnest(range(0, len(pieces))) AS sentence_no
    FROM marked
),

spans AS (
    SELECT
        version_id, article_id, version_no, sentence_no, sentence,
        coalesce(sum(length(sentence)) OVER (PARTITION BY version_id ORDER BY sentence_no
                                              ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS start_char
    FROM pieces
)

SELECT
    version_id,
    article_id,
    version_no,
    sentence_no,
    CAST(start_char AS INTEGER) AS start_char,
    CAST(start_char + length(sentence) AS INTEGER) AS end_char,
    trim(sentence) AS sentence,
    md5(lower(CASE WHEN contains(sentence, '  ') OR contains(sentence, chr(9)) OR contains(sentence, chr(10)) OR contains(sentence, chr(12)) OR contains(sentence, chr(13)) THEN regexp_replace(trim(sentence), '\s+', ' ', 'g') ELSE trim(sentence) END)) AS sentence_hash
FROM spans
WHERE length(trim(sentence)) > 0

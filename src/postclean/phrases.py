"""Chrome phrases by concept and language: the data behind the text rules. Adding a language is a data change.

:data:`PHRASES` maps a concept (``"wrote"``, ``"click_to_expand"`` …) to ``{language: (phrase, …)}``. Rules build
their patterns with :func:`alternation`, so every language listed here is recognised. Stat labels shown beside a
poster's name live in :mod:`postclean.labels`; month names in :mod:`postclean.dates`.

Languages: en, de, fr, es, pt, it, nl, pl, ru.
"""

from __future__ import annotations

import regex

__all__ = ["LANGUAGES", "PHRASES", "alternation", "phrases"]

LANGUAGES: tuple[str, ...] = ("en", "de", "fr", "es", "pt", "it", "nl", "pl", "ru")

PHRASES: dict[str, dict[str, tuple[str, ...]]] = {
    # --- quotes (all engines) ---
    "said": {
        "en": ("said",),
        "de": ("sagte", "schrieb"),
        "fr": ("a dit", "a écrit"),
        "es": ("dijo",),
        "pt": ("disse",),
        "it": ("ha detto", "ha scritto"),
        "nl": ("zei", "schreef"),
        "pl": ("powiedział", "napisał"),
        "ru": ("сказал", "сказала", "сказал(а)"),
    },
    "wrote": {
        "en": ("wrote",),
        "de": ("schrieb", "hat geschrieben"),
        "fr": ("a écrit",),
        "es": ("escribió",),
        "pt": ("escreveu",),
        "it": ("ha scritto",),
        "nl": ("schreef",),
        "pl": ("napisał", "napisała", "napisał(a)"),
        "ru": ("писал", "писала", "писал(а)", "написал", "написала", "написал(а)"),
    },
    "quote": {
        "en": ("Quote",),
        "de": ("Zitat",),
        "fr": ("Citation",),
        "es": ("Cita",),
        "pt": ("Citação", "Citar"),
        "it": ("Citazione", "Cita"),
        "nl": ("Citaat", "Quote"),
        "pl": ("Cytat",),
        "ru": ("Цитата",),
    },
    "originally_posted_by": {
        "en": ("Originally Posted by", "Quote Originally Posted by"),
        "de": ("Zitat von", "Original geschrieben von"),
        "fr": ("Message d'origine de", "Posté par"),
        "es": ("Mensaje original de", "Publicado originalmente por"),
        "pt": ("Postado originalmente por", "Originalmente postado por"),
        "it": ("Originariamente inviato da",),
        "nl": ("Oorspronkelijk geplaatst door",),
        "pl": ("Oryginalnie napisane przez",),
        "ru": ("Сообщение от",),
    },
    "click_to_expand": {
        "en": ("Click to expand...", "Click to expand…", "Click to shrink...", "Click to collapse"),
        "de": ("Zum Vergrößern anklicken....", "Zum Erweitern anklicken...", "Klicken zum Erweitern..."),
        "fr": ("Cliquez pour agrandir...", "Cliquez pour développer..."),
        "es": ("Haz clic para expandir...", "Click para expandir...", "Pulsa para expandir..."),
        "pt": ("Clique para expandir...",),
        "it": ("Clicca per espandere...", "Fai clic per espandere..."),
        "nl": ("Klik om uit te vouwen...", "Klik om te vergroten..."),
        "pl": ("Kliknij, aby rozwinąć...",),
        "ru": ("Нажмите для раскрытия...", "Нажмите, чтобы раскрыть..."),
    },
    # --- edit notes (all engines) ---
    "last_edited": {
        "en": ("Last edited", "Edited"),
        "de": ("Zuletzt bearbeitet", "Zuletzt geändert", "Bearbeitet"),
        "fr": ("Dernière édition", "Dernière modification", "Modifié"),
        "es": ("Última edición", "Editado"),
        "pt": ("Última edição", "Editado"),
        "it": ("Ultima modifica", "Modificato"),
        "nl": ("Laatst bewerkt", "Bewerkt"),
        "pl": ("Ostatnio edytowany", "Ostatnia edycja", "Edytowane"),
        "ru": ("Последнее редактирование", "Последний раз редактировалось", "Изменено"),
    },
    # --- post buttons (all engines; whole lines only) ---
    "buttons": {
        "en": (
            "Reply",
            "Quote",
            "Report",
            "Like",
            "Share",
            "Permalink",
            "Bookmark",
            "Multi-Quote",
            "Reply With Quote",
        ),
        "de": ("Antworten", "Zitieren", "Melden", "Gefällt mir", "Teilen", "Lesezeichen"),
        "fr": ("Répondre", "Citer", "Signaler", "J'aime", "Partager", "Signet"),
        "es": ("Responder", "Citar", "Reportar", "Denunciar", "Me gusta", "Compartir", "Marcador"),
        "pt": ("Responder", "Citar", "Denunciar", "Curtir", "Compartilhar", "Favorito"),
        "it": ("Rispondi", "Cita", "Segnala", "Mi piace", "Condividi", "Segnalibro"),
        "nl": ("Reageren", "Citeren", "Rapporteren", "Vind ik leuk", "Delen", "Bladwijzer"),
        "pl": ("Odpowiedz", "Cytuj", "Zgłoś", "Lubię to", "Udostępnij", "Zakładka"),
        "ru": ("Ответить", "Цитировать", "Пожаловаться", "Нравится", "Поделиться", "Закладка"),
    },
    # --- classic engines (vBulletin, phpBB, SMF, MyBB, FluxBB) ---
    # --- modern engines (Discourse, NodeBB, Flarum, Vanilla, Invision) ---
    # --- Q&A and link aggregators (Stack Exchange, Reddit, Lemmy) ---
    # --- page chrome (navigation, login prompts, footers, lists of other threads) ---
}


def phrases(concept: str, languages: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """All phrases of ``concept`` (every language unless ``languages`` is given), longest first, no repeats."""
    table = PHRASES[concept]
    out: list[str] = []
    for lang, items in table.items():
        if languages is None or lang in languages:
            for item in items:
                if item not in out:
                    out.append(item)
    return tuple(sorted(out, key=len, reverse=True))


def alternation(concept: str, languages: tuple[str, ...] | None = None) -> str:
    """A regex alternation (no group) of ``concept``'s phrases; spaces match any run of blanks, ``...`` also ``…``."""
    parts = []
    for p in phrases(concept, languages):
        esc = regex.escape(p).replace(r"\ ", r"[ \t]+")
        esc = (
            esc.replace(r"\.\.\.", r"(?:\.\.\.|…)").replace("…", r"(?:\.\.\.|…)")
            if "..." in p or "…" in p
            else esc
        )
        parts.append(esc)
    return "|".join(parts)

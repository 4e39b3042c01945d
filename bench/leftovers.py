"""Body lines that must never survive the text door: member stats, quote headers/footers, reactions, buttons.

Issue 4 asks for "no member-stat, quote-footer, reaction or button line left in any body". These patterns are
the benchmark's own check of that, written from the chrome catalogue independently of postclean's rules (so
the check is not circular). They are anchored to whole lines and accept a line only when it is nothing but the
chrome, so a post's sentence that mentions "reply" or "joined" is not counted. Used on ``doc.text``.
"""

from __future__ import annotations

import regex

__all__ = ["LEFTOVER_PATTERNS"]

_B = r"[ \t]*(?:[-*+•·▪]+[ \t]*)?[_*]{0,2}"  # optional bullet, then optional Markdown emphasis (``_Joined_``)
_DATE = (
    r"(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|"
    r"(?:\d{1,2}\.?[ ])?\p{L}{3,10}\.?[ ]\d{1,2},?[ ]\d{4}|\p{L}{3,10}\.?[ ]\d{4}|\d{1,2}\.?[ ]\p{L}{3,10}\.?[ ]\d{4})"
)
_NUM = r"[-+−]?\d[\d.,  ]*[kKmM]?"
#: Poster-block labels of the catalogue in the nine label languages.
_STAT_LABELS = (
    "Joined|Join Date|Joined on|Member since|Messages|Posts|Post count|Reaction score|Likes Received|"
    "Trophy Points|Points|Reputation|Solutions|Best answers|Karma|"
    "Registriert(?:[ ]seit)?|Beiträge|Mitglied seit|Punkte|"
    "Inscrit(?:[ ]le)?|Inscription|Messages|Réputation|"
    "Registrado|Mensajes|Miembro desde|Registrado em|Mensagens|Membro desde|"
    "Iscritto(?:[ ]il)?|Registrato|Messaggi|"
    "Lid sinds|Geregistreerd|Berichten|Dołączył|Dołączył\\(a\\)|Rejestracja|Posty|Wiadomości|"
    "Регистрация|Зарегистрирован|Сообщений|Сообщения|Репутация"
)
_BUTTONS = (
    "Like|Unlike|Reply|Quote|Multi-?Quote|Reply With Quote|Quick Reply|Report|Share|Edit|Delete|Flag|Bookmark|"
    "Permalink|Embed|Save|Copy link|Thanks|Thank|Top|Warn|IP|History|Spam|Options|More options|Give award|"
    "Zitieren|Antworten|Melden|Teilen|Citer|Répondre|Signaler|Partager|Citar|Responder|Reportar|"
    "Compartir|Cita|Rispondi|Segnala|Condividi|Citeren|Reageren|Rapporteren|Cytuj|Odpowiedz|Zgłoś|"
    "Цитировать|Цитата|Ответить|Пожаловаться|Поделиться"
)

LEFTOVER_PATTERNS: dict[str, regex.Pattern[str]] = {
    "member stats": regex.compile(
        rf"^{_B}(?:{_STAT_LABELS})[_*]{{0,2}}[ \t]*:?[_*]{{0,2}}[ \t]*(?:{_NUM}|{_DATE})?[ \t]*$|"
        rf"^{_B}(?:{_STAT_LABELS})[_*]{{0,2}}[ \t]*:[ \t]*\S|"
        rf"^{_B}{_NUM}[ \t]+(?:{_STAT_LABELS})[ \t]*$|"  # value first: ``563 posts``, ``426 Reputation``
        r"^[ \t]*\S{1,40}[ \t]+is[ \t]+(?:offline|online(?:[ \t]+now)?)[ \t]*$",
        regex.IGNORECASE | regex.VERSION1,
    ),
    "quote header/footer": regex.compile(
        r"Click to expand\.\.\.|^[ \t]*(?:Quote:?[ \t]*)?Originally Posted by\b|^[ \t]*Quote from:[ \t]*\S.*\bon\b|"
        r"^[ \t]*(?:Quote|Zitat|Citation|Cita|Citação|Citazione|Citaat|Cytat|Цитата)[ \t]*:?[ \t]*$",
        regex.IGNORECASE | regex.VERSION1,
    ),
    "reactions": regex.compile(
        r"^[ \t]*(?:[-*+•][ \t]*)?[_*]{0,2}(?:(?:Likes?|Love|Haha|Wow|Sad|Angry|Thanks)[ \t]+)*(?:Reactions|Reaktionen|Réactions|Reacciones|Reações|Reazioni|Reacties|"
        r"Reakcje|Реакции)[_*]{0,2}[ \t]*:|"
        r"^[ \t]*The following \d+ users? says? thank|^[ \t]*Thanks given by:|^[ \t]*Like Tree\d+Likes|"
        r"^[ \t]*\d[\d,.]*[ \t]*(?:Likes?|Thanks|people like this|person likes this|users? liked? this)[ \t.]*$|"
        r"\band \d+ others? likes? this\.?$|^[ \t]*\d+ users? thanked\b",
        regex.IGNORECASE | regex.VERSION1,
    ),
    "buttons": regex.compile(
        rf"^[ \t]*(?:(?:{_BUTTONS})[ \t]*[·|•/]?[ \t]*){{2,}}$|^[ \t]*(?:permalinkembedsave|QuoteMulti-Quote)",
        regex.IGNORECASE | regex.VERSION1,
    ),
}

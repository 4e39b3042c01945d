"""Data tables of chrome labels, by meaning and language. Adding a language is a data change here.

:data:`STAT_LABELS` maps a :class:`~postclean.model.Poster` field (or ``extra:<Name>``) to the labels forums
print beside a poster's name. :data:`RANK_WORDS` holds words found in user titles ("Senior Member").
"""

from __future__ import annotations

import regex

from ._lazy import lazy

__all__ = [
    "RANK_RE",
    "RANK_WORDS",
    "STAT_ICONS",
    "STAT_LABELS",
    "label_alternation",
    "label_field",
]

#: field -> language -> labels (case-insensitive).
STAT_LABELS: dict[str, dict[str, tuple[str, ...]]] = {
    "joined": {
        "en": ("Joined", "Join Date", "Join date", "Registered", "Member since", "Joined on"),
        "de": ("Registriert", "Registriert seit", "Dabei seit", "Mitglied seit"),
        "fr": ("Inscrit", "Inscrit le", "Inscription", "Membre depuis", "Date d'inscription"),
        "es": ("Registrado", "Fecha de ingreso", "Miembro desde", "Se unió"),
        "pt": ("Registrado", "Membro desde", "Entrou", "Cadastrado em", "Data de Ingresso"),
        "it": ("Iscritto", "Iscritto dal", "Registrato", "Registrato dal", "Membro dal", "Data registrazione"),
        "nl": ("Lid geworden", "Lid geworden op", "Geregistreerd", "Lid sinds"),
        "pl": ("Dołączył", "Dołączył(a)", "Rejestracja", "Zarejestrowany"),
        "ru": ("Регистрация", "Зарегистрирован", "С нами с"),
        "zh": ("注册时间", "註冊時間"),
    },
    "messages": {
        "en": ("Messages", "Posts", "Total Posts", "Post count"),
        "de": ("Beiträge", "Nachrichten"),
        "fr": ("Messages", "Publications"),
        "es": ("Mensajes", "Publicaciones"),
        "pt": ("Mensagens", "Posts", "Publicações"),
        "it": ("Messaggi", "Post"),
        "nl": ("Berichten",),
        "pl": ("Posty", "Wiadomości", "Postów", "Liczba postów"),
        "ru": ("Сообщения", "Сообщений"),
        "zh": ("帖子",),
    },
    "reaction_score": {
        "en": ("Reaction score", "Likes", "Likes Received", "Reputation", "Thanks Received"),
        "de": ("Reaktionspunkte", "Punkte für Reaktionen", "Erhaltene Likes", "Zustimmungen"),
        "fr": ("Réactions", "Score de réaction", "J'aime reçus"),
        "es": ("Puntuación de reacciones", "Puntuación de reacción", "Reacciones", "Me gusta recibidos"),
        "pt": ("Pontuação de reações", "Reações", "Curtidas", "Curtidas recebidas"),
        "it": ("Punteggio reazioni", "Reazioni", "Mi piace ricevuti"),
        "nl": ("Waarderingsscore", "Reactiescore", "Ontvangen likes"),
        "pl": ("Punkty reakcji", "Reakcje", "Otrzymane polubienia"),
        "ru": ("Реакции", "Баллы реакций", "Симпатии"),
    },
    "points": {
        "en": ("Points", "Trophy Points", "Solutions"),
        "de": ("Punkte", "Trophäen-Punkte", "Lösungen", "Punkte für Erfolge"),
        "fr": ("Points", "Points de trophée"),
        "es": ("Puntos", "Puntos de trofeo"),
        "pt": ("Pontos", "Pontos de troféu"),
        "it": ("Punti", "Punti trofeo"),
        "nl": ("Punten", "Trofeepunten"),
        "pl": ("Punkty", "Punkty za osiągnięcia"),
        "ru": ("Баллы",),
        "zh": ("积分", "積分"),
    },
    "location": {
        "en": ("Location",),
        "de": ("Ort", "Wohnort"),
        "fr": ("Localisation", "Lieu"),
        "es": ("Ubicación", "Ubicacion"),
        "pt": ("Localização", "Local"),
        "it": ("Località", "Luogo"),
        "nl": ("Locatie", "Woonplaats"),
        "pl": ("Lokalizacja", "Skąd", "Miejscowość"),
        "ru": ("Адрес", "Откуда", "Город"),
    },
    "country": {
        "en": ("Country", "Country flag"),
        "de": ("Land",),
        "fr": ("Pays",),
        "es": ("País", "Pais"),
        "pt": ("País",),
        "it": ("Paese", "Nazione"),
        "nl": ("Land",),
        "pl": ("Kraj",),
        "ru": ("Страна",),
    },
    "website": {
        "en": ("Website", "Home Page"),
        "de": ("Webseite", "Website", "Homepage"),
        "fr": ("Site web", "Site Web"),
        "es": ("Sitio web",),
        "pt": ("Site",),
        "it": ("Sito web",),
        "nl": ("Website",),
        "pl": ("Strona WWW",),
        "ru": ("Сайт", "Веб-сайт"),
    },
    "extra:Best answers": {  # XenForo 1 "best answer" add-ons
        "en": ("Best Answers", "Best answers"),
        "de": ("Beste Antworten",),
        "fr": ("Meilleures réponses",),
        "es": ("Mejores respuestas",),
        "pt": ("Melhores respostas",),
        "it": ("Migliori risposte",),
        "nl": ("Beste antwoorden",),
        "pl": ("Najlepsze odpowiedzi",),
        "ru": ("Лучшие ответы",),
    },
    "extra:Age": {
        "en": ("Age",),
        "de": ("Alter",),
        "fr": ("Âge",),
        "es": ("Edad",),
        "pt": ("Idade",),
        "it": ("Età",),
        "nl": ("Leeftijd",),
        "pl": ("Wiek",),
        "ru": ("Возраст",),
    },
    "extra:Gender": {
        "en": ("Gender",),
        "de": ("Geschlecht",),
        "fr": ("Sexe", "Genre"),
        "es": ("Género", "Sexo"),
        "pt": ("Sexo", "Gênero"),
        "it": ("Sesso",),
        "nl": ("Geslacht",),
        "pl": ("Płeć",),
        "ru": ("Пол",),
    },
    "extra:Occupation": {
        "en": ("Occupation",),
        "de": ("Beruf",),
        "fr": ("Profession",),
        "es": ("Ocupación", "Profesión"),
        "pt": ("Ocupação", "Profissão"),
        "it": ("Occupazione", "Professione"),
        "nl": ("Beroep",),
        "pl": ("Zawód",),
        "ru": ("Род занятий", "Профессия"),
    },
    "extra:Vehicle": {"en": ("Vehicle", "Car", "Vehicle(s)")},
    "extra:Threads": {"en": ("Threads",), "de": ("Themen",), "zh": ("主题", "主題")},
    "extra:Last seen": {"en": ("Last seen", "Last Online", "Last active"), "zh": ("最后登录", "最後登錄")},
    # Discuz!'s poster column
    "extra:Digest": {"zh": ("精华", "精華")},
    "extra:Money": {"zh": ("金钱", "金錢")},
    "extra:Prestige": {"zh": ("威望",)},
    "extra:Online time": {"zh": ("在线时间", "在線時間")},
    "extra:UID": {"zh": ("UID",)},
}

#: Font Awesome icon class -> stat field, for stat lists that show an icon instead of a label (XenForo 2
#: themes print ``<dt><i class="fa-calendar"><svg><title>Joined</title>…`` and the SVG is not kept).
STAT_ICONS: dict[str, str] = {
    "fa-calendar": "joined",
    "fa-calendar-alt": "joined",
    "fa-user-plus": "joined",
    "fa-comments": "messages",
    "fa-comment": "messages",
    "fa-thumbs-up": "reaction_score",
    "fa-heart": "reaction_score",
    "fa-trophy": "points",
    "fa-map-marker": "location",
    "fa-map-marker-alt": "location",
    "fa-map-pin": "location",
}

#: Words that appear in user titles / ranks (lower case; matched as whole words).
RANK_WORDS: tuple[str, ...] = (
    "member",
    "members",
    "moderator",
    "mod",
    "administrator",
    "admin",
    "staff",
    "banned",
    "veteran",
    "contributor",
    "newbie",
    "guest",
    "elite",
    "senior",
    "junior",
    "legend",
    "supporter",
    "vip",
    "premium",
    "registered",
    "user",
    "regular",
    "expert",
    "guru",
    "master",
    "rookie",
    "novice",
    "addict",
    "enthusiast",
    "team",
    "founder",
    "owner",
    "developer",
    "reviewer",
    "sponsor",
    "donor",
    "subscriber",
    "lurker",
    "participant",
    "poster",
    "retired",
    "known",
    "active",
    "new",
    "original",
    "mentor",
    "advisor",
    "adviser",
    "helper",
    "emeritus",
    "award",
    "mitglied",
    "membre",
    "miembro",
    "membro",
    "lid",
    "użytkownik",
    "участник",
    "пользователь",
    # the other languages' words for staff, newcomers and guests (XenForo, vBulletin, phpBB, Invision packs)
    "utente",
    "członek",
    "команда",
    "новичок",
    "модератор",
    "администратор",
    "гость",
    "moderatore",
    "amministratore",
    "moderador",
    "administrador",
    "modérateur",
    "administrateur",
    "beheerder",
    "moderatorzy",
    "administratorzy",
    "gast",
    "gäste",
    "invité",
    "invitado",
    "convidado",
    "visitante",
    "ospite",
    "gość",
    "neuling",
    "débutant",
    "novato",
    "principiante",
    "nieuweling",
    "teamlid",
    "erelid",
    # "new" (a newcomer's title: ``Neues Mitglied``, ``Nouveau membre``, ``Nowy użytkownik``)
    "neues",
    "neuer",
    "nouveau",
    "nuevo",
    "novo",
    "nuovo",
    "nieuw",
    "nowy",
    "новый",
)

#: German writes its titles as compounds (``Teammitglied``, ``Ehrenmitglied``): ``…mitglied`` is a rank word too.
RANK_RE = lazy(
    r"\b(?:" + "|".join(regex.escape(w) for w in RANK_WORDS) + r"|\w{1,20}mitglied)\b", regex.IGNORECASE
)

_LABEL_TO_FIELD: dict[str, str] = {}
for _field, _langs in STAT_LABELS.items():
    for _labels in _langs.values():
        for _label in _labels:
            _LABEL_TO_FIELD.setdefault(_label.lower(), _field)


def label_field(label: str) -> str | None:
    """The field a stat label stands for (``"Messages"`` -> ``"messages"``), or ``None``."""
    return _LABEL_TO_FIELD.get(" ".join(label.split()).lower())


def label_alternation() -> str:
    """A regex alternation of every stat label, longest first (for use inside a group)."""
    return "|".join(
        regex.escape(label).replace(r"\ ", r"\s+") for label in sorted(_LABEL_TO_FIELD, key=len, reverse=True)
    )

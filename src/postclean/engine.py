"""The engine: runs rule packs over a view, resolves overlaps, cuts, merges facts, and builds the Document."""

from __future__ import annotations

import bisect
import datetime as _dt
import functools
import itertools
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Any, Literal

import attrs
import regex

from ._lazy import lazy
from .layout import line_reader
from .model import Article, Comment, Document, LinkCard, Post, Poster, Quote, Removal
from .phrases import alternation
from .rules import (
    STAGES,
    Hit,
    LiteralIndex,
    LiteralProbe,
    Rule,
    RulePack,
    resolve_selection,
    trigger_literals,
    trigger_plan,
)
from .text import TextView, line_key, normalize_newlines
from .wrapping import join_parts, wrapped_lines

__all__ = ["Cleaner", "RawPage", "RawPost"]

_STAGE_ORDER = {name: i for i, name in enumerate(STAGES)}

#: Packs that apply to every document; the others are engine packs.
SHARED_PACKS: tuple[str, ...] = ("news", "generic", "page")
#: Removals by one engine pack's rules that name the engine of a text no sniffer recognised (see
#: ``Cleaner._engine_from_removals``).
ENGINE_FROM_CHROME_MIN = 5

#: Engine packs that also run on text whose engine is unknown: XenForo's stat-block and quote rules are the
#: most general shapes of forum chrome.
ALWAYS_PACKS: tuple[str, ...] = ("xenforo",)

#: With no engine recognised, engine packs whose sniffer scores at least this much still run.
CANDIDATE_SCORE = 0.15

#: Texts shorter than this run every engine pack even when no sniffer has evidence.
CANDIDATE_MIN_CHARS = 3000

#: Share of the input's non-space characters removed above which a document is flagged.
HIGH_REMOVAL_RATIO = 0.6


@attrs.frozen
class RawPost:
    """A post as the HTML door segmented it, before the text rules run on its body.

    ``lines`` is the body rendered to text (quotes and signature already taken out). ``quote_at[i]`` is the
    body line index before which ``quotes[i]`` stood, for inline rendering.
    """

    lines: tuple[str, ...]
    author: Poster | None = None
    date: _dt.date | _dt.datetime | None = None
    date_raw: str | None = None
    quotes: tuple[Quote, ...] = ()
    quote_at: tuple[int, ...] = ()
    signature: str | None = None
    reactions: str | None = None
    edit_note: str | None = None
    post_id: str | None = None
    number: int | None = None
    permalink: str | None = None
    removals: tuple[Removal, ...] = ()
    article: Article | None = None
    comments: tuple[Comment, ...] = ()
    #: Reply tree as in :class:`~postclean.model.Post`; ``parent`` indexes :attr:`RawPage.posts`.
    depth: int | None = None
    parent: int | None = None
    parent_id: str | None = None


@attrs.frozen
class RawPage:
    """What the HTML door found on a page: raw posts plus page metadata and HTML-level removals."""

    posts: tuple[RawPost, ...]
    engine: str | None = None
    engine_version: str | None = None
    engine_confidence: float = 0.0
    title: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    starter: str | None = None
    page: int | None = None
    pages: int | None = None
    removals: tuple[Removal, ...] = ()
    flags: tuple[str, ...] = ()
    input_chars: int = 0


def _nonspace(s: str) -> int:
    return len(s) - sum(s.count(c) for c in " \t\n\r\xa0")


class _Run:
    """Mutable state while one post view is processed."""

    def __init__(self, post_index: int) -> None:
        self.post_index = post_index
        self.facts: dict[str, Any] = {}
        self.quotes: list[tuple[int, Quote]] = []
        self.comments: list[tuple[int, Comment]] = []
        self.authors: list[str] = []
        self.removals: list[Removal] = []

    def merge(self, facts: Mapping[str, object], line: int) -> None:
        """Take a hit's ``facts`` found at ``line``: quotes and comments collect in order, other keys keep their
        first value."""
        for key, value in facts.items():
            if value is None:
                continue
            if key == "quote" and isinstance(value, Quote):
                self.quotes.append((line, value))
            elif key == "comment" and isinstance(value, Comment):
                self.comments.append((line, value))
            elif key == "article.authors":
                items = [value] if isinstance(value, str) else list(value)  # type: ignore[call-overload]
                for a in items:
                    if a and a not in self.authors:
                        self.authors.append(a)
            elif key == "author.extra" and isinstance(value, Mapping):
                extra = self.facts.setdefault("author.extra", {})
                for k, v in value.items():
                    extra.setdefault(k, v)
            else:
                self.facts.setdefault(key, value)


#: :meth:`Cleaner._html_plan` keeps the plans of at most this many engines.
_HTML_PLANS_MAX = 64

class Cleaner:
    """A configured cleaner. ``postclean.clean`` uses a default one; build your own to choose rules.

    ``select``/``ignore`` take rule codes, code prefixes, names, tags or pack names; ``rules`` adds your own
    :class:`~postclean.rules.Rule` objects (they run in their stage after the built-in rules of that stage).
    """

    def __init__(
        self,
        *,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
        rules: Sequence[Rule] = (),
        packs: Sequence[RulePack] | None = None,
    ) -> None:
        if packs is None:
            from .packs import DEFAULT_PACKS

            packs = DEFAULT_PACKS
        for r in rules:
            if not isinstance(r, Rule):
                raise TypeError(f"rules must be postclean.Rule objects (use @postclean.rule), got {r!r}")
        self.packs: tuple[RulePack, ...] = tuple(packs)
        entries: list[tuple[Rule, RulePack | None]] = [(r, p) for p in self.packs for r in p.rules]
        entries += [(r, None) for r in rules]
        chosen = resolve_selection(entries, select, ignore)
        order = {id(r): i for i, (r, _) in enumerate(entries)}
        chosen.sort(key=lambda e: (_STAGE_ORDER[e[0].stage], order[id(e[0])]))
        self.rules: tuple[Rule, ...] = tuple(r for r, _ in chosen)
        self._doc_rules = tuple(r for r in self.rules if r.scope == "document")
        self._post_rules = tuple(r for r in self.rules if r.scope == "post")
        self._thread_rules = tuple(r for r in self.rules if r.scope == "thread")
        #: rule id -> name of the engine pack it belongs to (rules of shared packs and user rules: absent)
        engine_names = {p.name for p in self.packs} - set(SHARED_PACKS)
        self._engine_of: dict[int, str] = {id(r): p.name for r, p in chosen if p is not None and p.name in engine_names}
        self._pack_of: dict[int, str] = {id(r): p.name for r, p in chosen if p is not None}
        #: rule code -> its engine pack (for the engine a text's removals point to)
        self._engine_of_code: dict[str, str] = {
            r.code: self._engine_of[id(r)] for r in self.rules if id(r) in self._engine_of and r.fingerprint
        }
        #: rule code -> the rule, for the rules whose hits name their engine only with some reasons
        self._fingerprint_by_reason: dict[str, Rule] = {
            r.code: r for r in self.rules if r.code in self._engine_of_code and isinstance(r.fingerprint, frozenset)
        }
        self._index: LiteralIndex | None = None
        #: a probe's indexed literals -> rule id -> how the probe's findings answer :meth:`Rule.triggered` (see
        #: :meth:`_triggered`); the rules are this cleaner's, so their ids stay theirs
        self._checks: dict[frozenset[str], dict[int, _TriggerCheck]] = {}
        #: engine (of a known pack, or None) -> the post rules that run on the HTML door's bodies and the index
        #: of their trigger literals (see :meth:`_html_plan`)
        self._html_plans: dict[str | None, tuple[tuple[Rule, ...], LiteralIndex]] = {}

    def _probe(self, lowered: str) -> LiteralProbe:
        """A :class:`~postclean.rules.LiteralProbe` of the lower-cased document for the rules' trigger checks."""
        if self._index is None:
            self._index = _literal_index(frozenset(trigger_literals(self.rules)))
        return self._index.probe(lowered)

    def _html_plan(self, engine: str | None) -> tuple[tuple[Rule, ...], LiteralIndex]:
        """The post-scope rules that run on the bodies of an HTML page of ``engine``, and an index of only their
        trigger literals: a page's probe then looks for a seventh of the words of every pack's rules (a probe
        answers ``w in text`` whatever it indexes, so which rules trigger does not change). Kept for the first
        :data:`_HTML_PLANS_MAX` engines named (the HTML door's packs are a fixed few)."""
        plan = self._html_plans.get(engine)
        if plan is None:
            rules = tuple(
                r
                for r in self._for_engine(self._post_rules, engine)
                if r.stage != "split" and self._in_html(r, engine)
            )
            plan = (rules, _literal_index(frozenset(trigger_literals(rules))))
            if len(self._html_plans) < _HTML_PLANS_MAX:  # (a RawPage made elsewhere may name any engine)
                self._html_plans[engine] = plan
        return plan

    # ------------------------------------------------------------------------------------------------------
    def clean(
        self,
        data: str | bytes,
        *,
        kind: Literal["auto", "text", "html"] = "auto",
        url: str | None = None,
    ) -> Document:
        """Clean ``data`` (``str`` or ``bytes``; HTML or already-extracted text) into a :class:`Document`."""
        from .inputs import decode, detect_kind

        if kind not in ("auto", "text", "html"):
            raise ValueError(f"kind must be 'auto', 'text' or 'html', not {kind!r}")
        text, flags = decode(data)
        if kind == "auto":
            kind = detect_kind(text)
        if kind == "html":
            from .html import extract_page

            page = extract_page(text, url=url)
            return self.finish_page(page, extra_flags=flags)
        return self.clean_text(text, flags=flags, url=url)

    # ------------------------------------------------------------------------------------------------------
    def sniff_scores(self, text: str, *, until_certain: bool = False) -> dict[str, float]:
        """Every engine pack's confidence that ``text`` was flattened from its engine (packs without a sniffer
        are left out; a failing sniffer counts as 0).

        ``until_certain`` (a speed-up for :meth:`_best`): stop at the first pack that is certain (1.0). A
        confidence lies in ``[0, 1]`` and :meth:`_best` keeps the first of equal scores, so no later pack can
        change the best engine or its confidence (and the engine being known, the other scores are not read:
        the candidate packs matter only without one)."""
        scores: dict[str, float] = {}
        for pack in self.packs:
            if pack.sniff is None:
                continue
            try:
                score = scores[pack.name] = float(pack.sniff(text))
            except Exception:  # a sniffer must never break cleaning
                score = scores[pack.name] = 0.0
            if until_certain and score >= 1.0:
                break
        return scores

    def sniff(self, text: str) -> tuple[str | None, float]:
        """Best engine guess for ``text`` from the packs' sniffers, with its confidence."""
        return self._best(self.sniff_scores(text))

    def _engine_from_removals(
        self, removals: Sequence[Removal], confidence: float, flags: set[str]
    ) -> tuple[str | None, float]:
        """The engine whose pack's rules took the text's chrome, when the sniffers found none: removals by its
        rules that name it (:attr:`~postclean.rules.Rule.fingerprint`), :data:`ENGINE_FROM_CHROME_MIN` at least and
        three times as many as any other engine's. The confidence stays under the sniffers' bar (0.5); the flag
        ``engine-from-chrome`` says where the engine came from."""
        counts: dict[str, int] = {}
        for r in removals:
            name = self._engine_of_code.get(r.code)
            by_reason = self._fingerprint_by_reason.get(r.code)
            if by_reason is not None and not by_reason.names_engine(r.reason):
                continue
            if name is not None:
                counts[name] = counts.get(name, 0) + 1
        if not counts:
            return None, confidence
        ranked = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)
        top, n = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else 0
        if n < ENGINE_FROM_CHROME_MIN or n < 3 * second:
            return None, confidence
        flags.add("engine-from-chrome")
        return top, max(confidence, 0.4)

    @staticmethod
    def _best(scores: Mapping[str, float]) -> tuple[str | None, float]:
        best: tuple[str | None, float] = (None, 0.0)
        for name, score in scores.items():
            if score > best[1]:
                best = (name, score)
        if best[1] < 0.5:
            return None, best[1]
        return best

    def _for_engine(
        self, rules: Sequence[Rule], engine: str | None, candidates: Collection[str] | None = None
    ) -> list[Rule]:
        """Detect first, then apply one pack: with an engine known, other engines' packs are skipped.

        With no engine known, ``candidates`` (engines with some evidence in the text) narrows the engine packs;
        rules of :data:`ALWAYS_PACKS` engine packs run regardless, as the engine-independent author-block finders.
        """
        if engine is None:
            if candidates is None:
                return list(rules)
            keep = set(candidates) | set(ALWAYS_PACKS)
            return [r for r in rules if self._engine_of.get(id(r)) in keep or id(r) not in self._engine_of]
        return [r for r in rules if self._engine_of.get(id(r), engine) == engine]

    def _in_html(self, r: Rule, engine: str | None) -> bool:
        """Whether ``r`` runs on the bodies the HTML door extracted.

        The markup already separated those bodies from the author block, buttons and signature, so an engine
        pack's text rules (written for flattened text) run only where marked :attr:`Rule.in_html`: chrome that
        lives inside the message markup (on pages of unknown engines, the marked rules of every pack). The news and generic packs and user rules always run; the page pack
        only on pages of unknown engines (page chrome lies outside the posts an engine pack selected).
        """
        pack = self._pack_of.get(id(r))
        if pack is None or pack in ("news", "generic"):
            return True
        if pack == "page":
            return engine is None
        return r.in_html

    def _triggered(
        self,
        rules: Sequence[Rule],
        text: str,
        probe: LiteralProbe | None = None,
        answers: dict[tuple[object, ...], bool] | None = None,
    ) -> list[Rule]:
        """The rules whose trigger (if any) occurs in ``text`` (``probe``: one of ``text.lower()``).

        With a probe, a rule's answer is read off the literals the probe found where they decide it (see
        :func:`_trigger_check`); :meth:`Rule.triggered` runs only for the others, once per trigger pattern: rules
        of several packs share one (a quote header's phrases), and their answer is the same. ``answers`` keeps
        those answers across calls about the same ``text`` and ``probe``."""
        lowered = text.lower() if probe is None else probe.text
        if probe is None:
            return [r for r in rules if r.triggered(text, lowered, probe)]
        checks = self._trigger_checks(probe.indexed)
        found = probe.found
        if answers is None:
            answers = {}
        out: list[Rule] = []
        for r in rules:
            check = checks.get(id(r))
            if check is None:
                check = checks[id(r)] = _trigger_check(r, probe.indexed)
            accept, reject, key = check
            if accept is None or not accept.isdisjoint(found):
                out.append(r)  # no trigger, or one of its trigger words occurs
                continue
            if reject is not None and reject.isdisjoint(found):
                continue  # none of the literals that every way of triggering it needs occurs
            if key is None:
                if r.triggered(text, lowered, probe):
                    out.append(r)
                continue
            known = answers.get(key)
            if known is None:
                known = answers[key] = r.triggered(text, lowered, probe)
            if known:
                out.append(r)
        return out

    def _trigger_checks(self, indexed: frozenset[str]) -> dict[int, _TriggerCheck]:
        """Rule id -> its :func:`_trigger_check` against a probe indexing ``indexed``, remembered per index."""
        checks = self._checks.get(indexed)
        if checks is None:
            checks = self._checks[indexed] = {}
        return checks

    @staticmethod
    def _for_post(
        rules: Sequence[Rule], text: str, words: Mapping[int, Sequence[str]] | None = None
    ) -> list[Rule]:
        """Narrow document-level rules to one post: rules triggered only by words need one in this post.

        ``words`` (a speed-up) maps a rule's id to the trigger words to look for, when the post can only hold
        those of its words that occur in the document (see :func:`_doc_words`); absent: all of them.
        """
        lowered = text.lower()
        return [
            r
            for r in rules
            if not r.trigger_words
            or r.trigger is not None
            or any(w in lowered for w in (r.trigger_words if words is None else words[id(r)]))
        ]

    def _apply(
        self,
        r: Rule,
        view: TextView,
        run: _Run,
        offsets: Sequence[int] | None,
        flags: set[str],
        src_lines: Sequence[str] | None = None,
    ) -> list[tuple[Hit, Removal]]:
        """Run one rule on ``view``; accept non-overlapping hits; return the accepted hits and their removals.

        ``src_lines`` are the input lines by absolute index when the view shows the rules a reader's view of
        them (the removal spans are measured on the input)."""
        try:
            hits = list(r.detect(view))
        except Exception as exc:  # rules must never take the document down; flag instead
            flags.add(f"rule-error:{r.code}:{type(exc).__name__}")
            return []
        accepted: list[tuple[Hit, Removal]] = []
        n = len(view)
        if any(h.cols is not None for h in hits):
            # Column cuts on one line are applied right to left so that earlier offsets stay valid.
            hits.sort(key=lambda h: (h.start, -(h.cols[0] if h.cols is not None else 0)))
        for h in hits:
            if not (0 <= h.start <= h.end < n):
                flags.add(f"rule-bad-hit:{r.code}")
                continue
            abs_start, abs_end = view.base + h.start, view.base + h.end
            if h.cols is not None:
                a, b = h.cols
                line = view.lines[h.start]
                if h.start != h.end or view.claimed[h.start] or not (0 <= a < b <= len(line)):
                    continue
                original = view.original[h.start] if src_lines is None else src_lines[abs_start]
                removed = view.cut(h.start, (a, b))
                span = None
                if offsets is not None:
                    pos = original.find(removed)
                    if pos >= 0:
                        span = (offsets[abs_start] + pos, offsets[abs_start] + pos + len(removed))
            else:
                if not view.free(h.start, h.end):
                    continue
                shown = view.lines if view.source is None else view.source
                parts = shown[h.start : h.end + 1]
                removed = "\n".join(parts)
                view.claim(h.start, h.end)
                span = None
                if offsets is not None:
                    first = view.original[h.start] if src_lines is None else src_lines[abs_start]
                    last = view.original[h.end] if src_lines is None else src_lines[abs_end]
                    # a line an earlier rule cut columns out of: the span covers what was left of it
                    lead = first.find(parts[0]) if parts[0] else 0
                    tail = last.rfind(parts[-1]) if parts[-1] else -1
                    if h.start == h.end:
                        tail = lead
                    start = offsets[abs_start] + max(lead, 0)
                    end = offsets[abs_end] + (tail + len(parts[-1]) if tail >= 0 and lead >= 0 else len(last))
                    span = (start, end)
            run.merge(h.facts, h.start)
            removal = Removal(
                code=r.code,
                name=r.name,
                reason=h.reason,
                text=removed,
                lines=(abs_start, abs_end),
                span=span,
                post=run.post_index,
                moved_to=h.moved_to,
            )
            run.removals.append(removal)
            accepted.append((h, removal))
        return accepted

    # ------------------------------------------------------------------------------------------------------
    def clean_text(self, text: str, *, flags: Iterable[str] = (), url: str | None = None) -> Document:
        """The text door: split ``text`` into posts at author blocks and run the rules on each post."""
        flagset = set(flags)
        text = normalize_newlines(text)
        if not text.strip():
            flagset.add("empty-input")
            return Document(posts=(), kind="text", url=url, flags=tuple(sorted(flagset)))
        lines = text.split("\n")
        input_lines = lines
        offsets = [0, *itertools.accumulate(len(x) + 1 for x in lines)][:-1]
        # A text with a blank line after nearly every line (one text node per line, as BeautifulSoup's
        # get_text("\n") and similar converters write it) runs through the rules without its blank lines, so
        # that multi-line chrome (author blocks, menus) is contiguous again; line numbers and spans still refer
        # to the input, and the bodies keep a blank line between lines.
        # The rules read each line as a reader sees it (Markdown links as their labels, bullets as "-": see
        # postclean.layout); bodies and removals keep the input's notation.
        # A text wrapped at a width (text browsers' dumps, html2text's default) is read a line of the page per
        # line again: each group of lines a wrapper split is one line for the rules (see postclean.wrapping);
        # its source holds the group's input lines, so bodies keep them.
        from .packs.generic import stands_alone  # (the packs import the engine's modules)

        groups = wrapped_lines(lines, apart=stands_alone)
        source: list[str] | None = None
        if groups is not None:
            flagset.add("wrapped")
            source = ["\n".join(lines[a : b + 1]) for a, b in groups]
            lines = [join_parts(x) for x in source]
            offsets = [offsets[a] for a, _ in groups]
            text = "\n".join(lines)
        found = line_reader(lines, text)
        read: Callable[[str], str] | None = None
        if found is not None:
            read, markdown = found
            shown = [read(x) for x in lines]
            if markdown or shown != lines:
                source, lines = (lines if source is None else source), shown
                text = "\n".join(lines)
                if markdown:
                    flagset.add("markdown")
            else:
                read = None
        scores = self.sniff_scores(text, until_certain=True)  # the sniffers know each extractor's own layout
        # Layout rules remove lines that hold notation but no words (an image, a lone bullet) over the whole
        # input; the other rules never see those lines.
        layout_removals, gone = self._layout_pass(lines, source, offsets, flagset)
        index = _spaced_layout(lines if source is None else source)
        breaks: list[bool] | None = None  # by compacted line: whether the body gets a blank line after it
        dropped: list[int] | None = None  # by compacted line: the blank lines after it that the rules do not see
        if index is not None:
            flagset.add("spaced-layout")
            index = [i for i in index if i not in gone]
            # a blank line in the body where the input had blank lines, none between adjacent lines
            breaks = [b > a + 1 for a, b in itertools.pairwise(index)] + [True]
        elif gone or "markdown" in flagset or _BLANK_RUN_RE.search(text):
            index, breaks = _reader_layout(lines, source, gone, "markdown" in flagset)
            if breaks is None:
                dropped = _dropped_blanks(lines if source is None else source, index)
        if index is not None:
            lines = [lines[i] for i in index]
            offsets = [offsets[i] for i in index]
            text = "\n".join(lines)
            if source is not None:
                source = [source[i] for i in index]
        engine, confidence = self._best(scores)
        # Short texts carry too few signals for a sniffer to be sure of, and cost little: every pack runs.
        candidates = (
            {name for name, score in scores.items() if score >= CANDIDATE_SCORE}
            if len(text) >= CANDIDATE_MIN_CHARS
            else None
        )
        probe = self._probe(text.lower())  # one pass for every trigger word of the rules
        answers: dict[tuple[object, ...], bool] = {}  # trigger pattern -> whether it occurs in the text
        post_rules = self._triggered(self._for_engine(self._post_rules, engine, candidates), text, probe, answers)
        spaced = "spaced-layout" in flagset
        context: dict[str, Any] = {"seen": {}, "doc": {}, "spaced": spaced, "breaks": breaks, "probe": probe}
        context["dropped"] = dropped
        if read is not None and groups is not None:
            context["read"] = read  # how a wrapped line's input lines read, for cuts (see TextView.cut)
        doc_run = _Run(post_index=-1)
        doc_view = TextView(lines, engine=engine, facts=doc_run.facts, context=context)
        doc_view.source = None if source is None else list(source)
        # Split rules find the blocks that open each post (author blocks); their facts go to that post.
        split_hits: dict[int, tuple[Hit, Removal]] = {}
        context["split_heads"] = 0
        for r in self._triggered(self._for_engine(self._doc_rules, engine, candidates), text, probe, answers):
            if r.stage == "split":
                for hit, removal in self._apply(r, doc_view, _Run(post_index=-1), offsets, flagset, source):
                    if hit.cols is not None and not hit.facts:
                        # a column cut with no facts opens no post (a poster column's cell beside the message)
                        doc_run.removals.append(removal)
                        continue
                    split_hits.setdefault(hit.start, (hit, removal))
                context["split_heads"] = len(split_hits)  # (a later split rule may look only where none found any)
            else:
                self._apply(r, doc_view, doc_run, offsets, flagset, source)
        context["title"] = doc_run.facts.get("doc.title")  # the page title PAGE008 found, for PAGE010
        # Lines a document-level rule cut columns out of (the others are as in the input, or removed): a post
        # without one holds no trigger word the document does not hold.
        changed = [i for i, (x, o) in enumerate(zip(doc_view.lines, lines, strict=True)) if x and x is not o]
        doc_words = _doc_words(post_rules, probe)
        heads = {start: [hit] for start, hit in split_hits.items()}
        starts = sorted(heads)
        bounds = [0, *starts, len(lines)] if (not starts or starts[0] != 0) else [*starts, len(lines)]
        posts: list[Post] = []
        removals: list[Removal] = list(doc_run.removals)
        author_blocks = 0
        badged: str | None = None  # the poster whose post head holds the thread starter's badge
        has_preamble = False  # whether posts[0] is the text before the first author block
        done: list[tuple[TextView, _Run, int]] = []  # each post's view and run, for thread-scope rules
        k = 0
        while k + 1 < len(bounds):
            a, b = bounds[k], bounds[k + 1]
            k += 1
            if a >= b:
                continue
            run = _Run(post_index=len(posts))
            head = heads.get(a)
            if head is not None:
                for hit, _ in head:
                    run.merge(hit.facts, hit.start - a)
            deferred = len(context.get("deferred_repeats", ()))
            view = TextView(
                doc_view.lines[a:b],
                base=a,
                engine=engine,
                facts=run.facts,
                context=context,
            )
            view.original = tuple(lines[a:b])
            view.claimed = doc_view.claimed[a:b]
            if doc_view.source is not None:
                view.source = doc_view.source[a:b]
            if head is None and not view.live_indices() and not _markup_left(view):
                continue
            at = bisect.bisect_left(changed, a)  # (changed is in order)
            untouched = at == len(changed) or changed[at] >= b
            for r in self._for_post(post_rules, view.text, doc_words if untouched else None):
                self._apply(r, view, run, offsets, flagset, source)
            # comments that document-scope rules found go to the post they sit in
            run.comments.extend((line - a, c) for line, c in doc_run.comments if a <= line < b)
            post = _build_post(view, run, lines=(a, b - 1))
            if (
                head is not None
                and len(head) < MAX_HEAD_BLOCKS
                and k + 1 < len(bounds)
                and _head_only(post)
                and _joins(head, heads[b])
            ):
                # a post head printed as two blocks that each open a post (see _joins): read again as one post
                heads[a] = [*head, *heads.pop(b)]
                del bounds[k]
                k -= 1
                del context.get("deferred_repeats", [])[deferred:]
                continue
            if head is not None:
                author_blocks += 1
                removals.extend(attrs.evolve(removal, post=run.post_index) for _, removal in head)
                badged = badged or next((str(h.facts["doc.starter"]) for h, _ in head if h.facts.get("doc.starter")), None)
            if head is None and not post.body and not post.quotes and post.article is None:
                # Page chrome before the first post: keep its removals, no empty post.
                for rem in run.removals:
                    removals.append(attrs.evolve(rem, post=None))
                continue
            # text before the first author block, when there is one: the page's header, or a preview of the
            # first post (its lines are remembered as such; see GEN002 and GEN014)
            preamble = head is None and a == 0 and bool(starts)
            _remember(context, post, _body_lines(view), preamble=preamble)
            has_preamble = has_preamble or (preamble and not posts)
            removals.extend(run.removals)
            done.append((view, run, len(posts)))
            posts.append(post)
            # a rule inside the post that knows its poster started the thread (a Q&A page's question card)
            badged = badged or (str(run.facts["doc.starter"]) if run.facts.get("doc.starter") else None)
        if len(posts) > 1 and self._thread_rules:
            thread_rules = self._triggered(
                self._for_engine(self._thread_rules, engine, candidates), text, probe, answers
            )
            self._thread_pass(thread_rules, lines, done, posts, removals, offsets, flagset, source)
            if posts and _empty(posts[0]) and len(posts) > 1:
                # the text before the first author block, all of it taken by thread rules (PAGE010)
                del posts[0]
                has_preamble = False
                removals = [
                    _at_post(r, None if r.post == 0 else r.post - 1) if r.post is not None else r
                    for r in removals
                ]
        posts, removals = _absorb_trailing_blocks(posts, removals)
        posts = [_without_initial(p) for p in posts]
        if index is not None:
            removals = [_respace_removal(r, index) for r in removals]
            posts = [attrs.evolve(p, lines=(index[p.lines[0]], index[p.lines[1]])) if p.lines else p for p in posts]
        removals.extend(layout_removals)
        if groups is not None:
            removals = [_unwrap_removal(r, groups) for r in removals]
            posts = [
                attrs.evolve(p, lines=(groups[p.lines[0]][0], groups[p.lines[1]][1])) if p.lines else p
                for p in posts
            ]
        removals.sort(key=lambda r: r.lines or (0, 0))
        if engine is None:
            engine, confidence = self._engine_from_removals(removals, confidence, flagset)
        if not author_blocks and engine is None:
            flagset.add("no-forum-structure")
        removed = sum(_nonspace(r.text) for r in removals)
        total = _nonspace(text if source is None else "\n".join(source))
        if total and removed / total > HIGH_REMOVAL_RATIO:
            flagset.add("high-removal-ratio")
        if engine is None and author_blocks:
            confidence = max(confidence, 0.5)
        # a first post an extractor kept without its poster block (the text before the first author block, or the
        # whole text): the starter the page names wrote it, on the thread's first page (see _starter_wrote_first)
        named = doc_run.facts.get("doc.starter")
        if (
            named
            and posts
            and (has_preamble or not author_blocks)
            and _starter_wrote_first(posts, str(named), text, doc_run.facts.get("doc.started"))
        ):
            posts[0] = attrs.evolve(posts[0], author=Poster(name=str(named)))
        # the thread starter: named by the page, the first post's author, or the poster a starter's badge is on
        starter = named or _first_author(posts) or _post_one(posts) or badged
        if starter is None and has_preamble:
            starter = (
                _named_above(posts, input_lines) or _replied_to(posts, input_lines) or _under_page_header(posts, text)
            )
        return Document(
            posts=tuple(posts),
            engine=engine,
            engine_confidence=confidence,
            kind="text",
            url=url,
            starter=starter,
            title=doc_run.facts.get("doc.title"),
            removals=tuple(removals),
            flags=tuple(sorted(flagset)),
            input_chars=total,
            removed_chars=removed,
        )

    def _layout_pass(
        self, lines: list[str], source: list[str] | None, offsets: Sequence[int], flags: set[str]
    ) -> tuple[list[Removal], set[int]]:
        """Run the ``layout``-stage rules over every line of a text the rules read in a reader's view
        (``source`` holds the input lines); return their removals and the lines they took."""
        rules = [r for r in self._doc_rules if r.stage == "layout"]
        if source is None or not rules:
            return [], set()
        view = TextView(list(lines))
        view.source = list(source)
        run = _Run(post_index=-1)
        for r in rules:
            self._apply(r, view, run, offsets, flags, source)
        return [attrs.evolve(rem, post=None) for rem in run.removals], {
            i for i, taken in enumerate(view.claimed) if taken
        }

    def _thread_pass(
        self,
        rules: Sequence[Rule],
        original: Sequence[str],
        done: Sequence[tuple[TextView, _Run, int]],
        posts: list[Post],
        removals: list[Removal],
        offsets: Sequence[int] | None,
        flags: set[str],
        src_lines: Sequence[str] | None = None,
    ) -> None:
        """Run thread-scope rules once every post is cleaned; apply their hits to the posts they fall in.

        A thread rule sees the whole document with each post's removed lines blank (lines outside posts are
        claimed) and ``context["posts"]``: one ``(first line, last line, author name or None)`` per post
        (``context["dated"]``: the first line of each post's dated header, -1 for none).
        A hit must lie inside one post; the posts it touches are rebuilt.
        """
        spans: list[tuple[int, int, str | None]] = []
        for view, _run, idx in done:
            author = posts[idx].author
            spans.append((view.base, view.base + len(view) - 1, author.name if author else None))
        firsts = [a for a, _b, _n in spans]
        #: per post, the first line of the post header its date came from (-1: none)
        date_lines: dict[int, int] = {}
        for rm in removals:
            if rm.moved_to == "date" and rm.post is not None and rm.lines:
                date_lines[rm.post] = min(date_lines.get(rm.post, rm.lines[0]), rm.lines[0])
        dated = tuple(date_lines.get(idx, -1) for _view, _run, idx in done)
        n_lines = len(original)
        for r in rules:
            doc_lines = [""] * n_lines
            claimed = [True] * n_lines
            for view, _run, _idx in done:
                doc_lines[view.base : view.base + len(view)] = view.lines
                claimed[view.base : view.base + len(view)] = view.claimed
            tview = TextView(doc_lines, engine=done[0][0].engine, context={**done[0][0].context})
            tview.claimed = claimed
            tview.original = tuple(original)
            tview.context["posts"] = tuple(spans)
            tview.context["dated"] = dated
            try:
                hits = list(r.detect(tview))
            except Exception as exc:  # rules must never take the document down; flag instead
                flags.add(f"rule-error:{r.code}:{type(exc).__name__}")
                continue
            by_post: dict[int, list[Hit]] = {}
            for h in hits:
                k = bisect.bisect_right(firsts, h.start) - 1
                if k < 0 or h.end > spans[k][1] or h.start > h.end:
                    flags.add(f"rule-bad-hit:{r.code}")
                    continue
                base = spans[k][0]
                by_post.setdefault(k, []).append(attrs.evolve(h, start=h.start - base, end=h.end - base))
            for k, post_hits in by_post.items():
                view, run, idx = done[k]
                local = attrs.evolve(r, detect=_replay(post_hits))
                accepted = self._apply(local, view, run, offsets, flags, src_lines)
                if accepted:
                    removals.extend(rem for _h, rem in accepted)
                    posts[idx] = _build_post(view, run, lines=(view.base, view.base + len(view) - 1))

    # ------------------------------------------------------------------------------------------------------
    def finish_page(self, page: RawPage, *, extra_flags: Iterable[str] = ()) -> Document:
        """Run the post-scope text rules over each post of an HTML page and build the Document."""
        flagset = set(page.flags) | set(extra_flags)
        context: dict[str, Any] = {"seen": {}, "doc": {}}
        posts: list[Post] = []
        removals: list[Removal] = list(page.removals)
        all_text = "\n".join("\n".join(raw.lines) for raw in page.posts)
        html_rules, index = self._html_plan(page.engine)
        probe = index.probe(all_text.lower())  # one pass for every trigger word of these rules
        post_rules = self._triggered(html_rules, all_text, probe)
        doc_words = _doc_words(post_rules, probe)  # a post holds only trigger words the page holds
        kept: dict[int, int] = {}  # raw post index -> index in posts, for the reply tree
        for raw_index, raw in enumerate(page.posts):
            run = _Run(post_index=len(posts))
            view = TextView(list(raw.lines), engine=page.engine, facts=run.facts, context=context)
            for r in self._for_post(post_rules, view.text, doc_words):
                self._apply(r, view, run, None, flagset)
            for i, q in zip(raw.quote_at, raw.quotes, strict=False):
                run.quotes.append((i, q))
            run.quotes.sort(key=lambda x: x[0])
            fields = _post_fields(view, run, lines=None)
            # what the markup said first, what the rules found in the body otherwise (one Post built, not two)
            for key in ("author", "date", "date_raw", "signature", "reactions", "edit_note"):
                fields[key] = getattr(raw, key) or fields[key]
            fields.update(
                post_id=raw.post_id,
                number=raw.number,
                permalink=raw.permalink,
                depth=raw.depth,
                parent=raw.parent,
                parent_id=raw.parent_id,
            )
            fields["article"] = _merge_article(raw.article, fields["article"])
            fields["comments"] = _merge_comments(raw.comments, fields["comments"])
            post = Post(**fields)
            if not post.body and not post.quotes and raw.author is None:
                removals.extend(_at_post(r, None) for r in (*raw.removals, *run.removals))
                continue
            _remember(context, post, post.body.split("\n"))
            removals.extend(_at_post(r, len(posts)) for r in raw.removals)
            removals.extend(run.removals)
            kept[raw_index] = len(posts)
            posts.append(post)
        if len(kept) < len(page.posts):
            _remap_parents(posts, kept)
        removed = sum(_nonspace(r.text) for r in removals)
        total = page.input_chars or removed + sum(_nonspace(p.body) for p in posts)
        if not posts:
            flagset.add("no-posts-found")
        return Document(
            posts=tuple(posts),
            engine=page.engine,
            engine_version=page.engine_version,
            engine_confidence=page.engine_confidence,
            kind="html",
            title=page.title,
            url=page.url,
            canonical_url=page.canonical_url,
            starter=page.starter or _first_author(posts),
            page=page.page,
            pages=page.pages,
            removals=tuple(removals),
            flags=tuple(sorted(flagset)),
            input_chars=total,
            removed_chars=removed,
        )


#: :func:`_spaced_layout`: a text of at least this many non-blank lines ...
SPACED_MIN_LINES = 12
#: ... of which at most this share are directly followed by another non-blank line ...
SPACED_MAX_ADJACENT = 0.2
#: ... or whose lines are empty at least this often. BeautifulSoup's ``get_text("\n")`` keeps every whitespace
#: node of the markup: a median of 89% of its lines on the corpus are blank (97% of those empty), in runs of any
#: length, while layout-keeping converters (html-text, Resiliparse) stay under 55%. Lines of spaces do not
#: count: trafilatura keeps runs of them from indented markup, between lines that belong together. Lines of
#: tabs do (lxml's ``text_content()`` keeps the template's tab-indented whitespace nodes as such lines), and so
#: do lines of a single space (BeautifulSoup's ``get_text(" ")`` writes an empty node so).
SPACED_MIN_BLANK_SHARE = 0.6


#: (accept, reject, key): see :func:`_trigger_check`
_TriggerCheck = tuple[frozenset[str] | None, frozenset[str] | None, tuple[object, ...] | None]


def _trigger_check(r: Rule, indexed: frozenset[str]) -> _TriggerCheck:
    """How a probe indexing ``indexed`` answers ``r.triggered`` from the literals it found: ``(accept, reject,
    key)``.

    ``accept`` None: the rule has no trigger (it always runs); else the rule's indexed trigger words, one of which
    occurring triggers it. ``reject`` (or None): literals one of which must occur for the rule to trigger, every
    one of them indexed (its trigger words are, and its pattern needs one of its plan's literals, all indexed);
    none occurring, it does not. Otherwise :meth:`Rule.triggered` answers; ``key`` (for a rule triggered by a
    pattern alone) names what that answer depends on: the pattern and its line pre-check.
    """
    if not r.trigger_words and r.trigger is None:
        return None, None, None
    accept = frozenset(w for w in r.trigger_words if w in indexed)
    needed: set[str] = set(r.trigger_words)
    key: tuple[object, ...] | None = None
    reject: frozenset[str] | None = None
    if r.trigger is not None:
        if not r.trigger_words:
            lines = r.trigger_lines
            key = (r.trigger.pattern, r.trigger.flags, None if lines is None else (lines.pattern, lines.flags))
        literals = trigger_plan(r.trigger)[0]
        if literals is None:
            return accept, None, key
        needed.update(literals)
    if needed <= indexed:
        reject = frozenset(needed)
    return accept, reject, key


def _doc_words(rules: Sequence[Rule], probe: LiteralProbe) -> dict[int, tuple[str, ...]]:
    """For each rule triggered only by words: those of its words that occur in the document (or hold a newline).

    A post whose lines are lines of the document (or removed ones) holds no other: a word without a newline
    lies on one line, and a line lower-cases alike in the post and in the document (the one letter whose lower
    case depends on its neighbours, the capital sigma, looks no further than the line).
    """
    return {
        id(r): probe.present(r.trigger_words) + _newline_words(r.trigger_words, probe)
        for r in rules
        if r.trigger_words and r.trigger is None
    }


def _newline_words(words: tuple[str, ...], probe: LiteralProbe) -> tuple[str, ...]:
    """The words of ``words`` that hold a newline but do not occur in ``probe``'s text (:func:`_doc_words` keeps
    them: a post may hold one its document does not)."""
    return tuple(w for w in words if "\n" in w and w not in probe) if "\n" in "".join(words) else ()


@functools.cache
def _literal_index(literals: frozenset[str]) -> LiteralIndex:
    """The index of ``literals``, built once for every cleaner whose rules look for them."""
    return LiteralIndex(literals)


def _spaced_layout(lines: Sequence[str]) -> list[int] | None:
    """Indices of the non-blank lines when nearly every line of the text stands alone between blank lines,
    or when most of the text's lines are empty (so blank lines no longer mark paragraphs)."""
    index = [i for i, line in enumerate(lines) if line.strip()]
    if len(index) < SPACED_MIN_LINES:
        return None
    if sum(1 for line in lines if not line.strip("\t") or line == " ") >= SPACED_MIN_BLANK_SHARE * len(lines):
        return index
    adjacent = sum(1 for a, b in itertools.pairwise(index) if b == a + 1)
    if adjacent > SPACED_MAX_ADJACENT * len(index):
        return None
    return index


def _dropped_blanks(src: Sequence[str], index: Sequence[int]) -> list[int] | None:
    """By line of ``index``: how many blank input lines after it the rules do not see (a run of blank lines
    is one for them), or None when there are none. A poster block's parts lie close together: rules that walk
    one may still tell a run of blank lines from one blank line (what they take is gone from the output, so it
    does not change what a second cleaning sees)."""
    out = [0] * len(index)
    for n, (a, b) in enumerate(itertools.pairwise(index)):
        if b > a + 1:
            out[n] = sum(1 for k in range(a + 1, b) if src[k].isspace() or not src[k])
    return out if any(out) else None


#: Two blank lines in a row (blanks: any white space but line ends).
_BLANK_RUN_RE = lazy(r"\n[^\S\n]*+\n[^\S\n]*+\n")


def _reader_layout(
    lines: Sequence[str], source: Sequence[str] | None, gone: set[int], markdown: bool
) -> tuple[list[int], list[bool] | None]:
    """The lines the rules see once layout rules took ``gone``, and where bodies get blank lines back.

    Markdown separates blocks with blank lines: they are set aside too, so that chrome split by them (a
    poster's stat pairs, the links under a post) is contiguous again; a body gets a blank line wherever the
    input had one between two of its lines."""
    if not markdown:
        # a run of blank lines is one blank line for the rules, as in the bodies (which collapse it): a rule
        # reads the same layout in a cleaned text as in its input, so cleaning twice changes nothing
        src = source if source is not None else lines
        index = []
        after_blank = False  # (a blank line at the start stays: layout rules count it as taken)
        for i in range(len(lines)):
            if i in gone:
                continue
            blank = src[i].isspace() or not src[i]
            if blank and after_blank:
                continue
            index.append(i)
            after_blank = blank
        return index, None
    src = source if source is not None else lines
    index = [i for i in range(len(lines)) if i not in gone and src[i].strip()]
    breaks = [any(not src[k].strip() for k in range(a + 1, b)) for a, b in itertools.pairwise(index)]
    breaks.append(False)
    return index, breaks


def _respace_removal(r: Removal, index: Sequence[int]) -> Removal:
    """A removal found on the compacted lines, with its line numbers in the input's numbering."""
    if r.lines is None:
        return r
    a, b = r.lines
    return attrs.evolve(r, lines=(index[a], index[b]))


_POST_FILL = ("title", "date", "date_raw", "signature", "reactions", "edit_note", "post_id", "number", "permalink")


#: :func:`_joins` reads at most this many consecutive post heads as one (a head printed as two blocks, or three);
#: beyond that they are separate posts, whatever their facts (a run of blocks without names would otherwise be
#: read again and again as one growing head: quadratic time on long texts).
MAX_HEAD_BLOCKS = 3


def _head_only(post: Post) -> bool:
    """Whether ``post`` holds nothing but what its head gave it (no body, quote, comment or article)."""
    return not (post.body or post.quotes or post.comments or post.article is not None or post.signature)


def _joins(head: Sequence[tuple[Hit, Removal]], nxt: Sequence[tuple[Hit, Removal]]) -> bool:
    """Whether the post head ``nxt`` only completes ``head``, a head with nothing after it but chrome.

    Some layouts print a post's head as two blocks that each open a post for a split rule: the poster block,
    then a line with the post's number and date (``#2 · Jan 3, 2024`` under a name and ``N posts · Joined
    YYYY``), or the other way round. Read apart, the first makes an empty post and the second a post without
    its author. They are one head when no fact has different values in the two (two names are two posts)."""
    facts: dict[str, object] = {}
    for hit, _ in head:
        facts.update({key: v for key, v in hit.facts.items() if v is not None})
    return all(
        facts.get(key, v) == v
        for hit, _ in nxt
        for key, v in hit.facts.items()
        if v is not None and key not in ("quote", "comment")
    )


def _absorb_trailing_blocks(posts: list[Post], removals: list[Removal]) -> tuple[list[Post], list[Removal]]:
    """Posts that are only a poster block of the poster of the post before (no text, no quote): the profile
    column some layouts print after the post's text (phpBB through html-text) goes to that post's author, and
    the empty post goes. Removals are renumbered to the posts that remain."""
    keep: list[Post] = []
    moved: dict[int, int] = {}
    for old, p in enumerate(posts):
        prev = keep[-1] if keep else None
        if (
            prev is not None
            and prev.author is not None
            and p.author is not None
            and p.author.name
            and p.author.name == prev.author.name
            and not p.body
            and not p.quotes
            and not p.comments
            and p.article is None
        ):
            keep[-1] = _absorb(prev, p)
        else:
            keep.append(p)
        moved[old] = len(keep) - 1
    if len(keep) == len(posts):
        return posts, removals
    return keep, [_at_post(r, moved[r.post]) if r.post in moved else r for r in removals]


def _absorb(post: Post, block: Post) -> Post:
    """``post`` with what ``block`` (a poster block of the same poster, and no text) adds: author fields and post
    fields it lacks, and the block's lines."""
    assert post.author is not None and block.author is not None
    author = attrs.evolve(
        post.author,
        **{
            f: getattr(block.author, f)
            for f in _FIELDS_POSTER
            if f != "extra" and getattr(post.author, f) is None and getattr(block.author, f) is not None
        },
        extra={**block.author.extra, **post.author.extra},
    )
    fill = {f: getattr(block, f) for f in _POST_FILL if getattr(post, f) is None and getattr(block, f) is not None}
    lines = (post.lines[0], block.lines[1]) if post.lines and block.lines else post.lines
    return attrs.evolve(post, author=author, lines=lines, **fill)


def _unwrap_removal(r: Removal, groups: Sequence[tuple[int, int]]) -> Removal:
    """A removal found on the lines of a wrapped text read whole, with its line numbers in the input's
    numbering (from the first line of its first group to the last line of its last)."""
    if r.lines is None:
        return r
    a, b = r.lines
    return attrs.evolve(r, lines=(groups[a][0], groups[b][1]))


def _replay(hits: Sequence[Hit]) -> Callable[[TextView], Iterable[Hit]]:
    """A detector that yields ``hits`` (found earlier, elsewhere) whatever view it is given."""

    def detect(_view: TextView) -> Iterable[Hit]:
        return hits

    return detect


def _empty(post: Post) -> bool:
    """A post left with nothing: no body, quotes, author, date or article."""
    return not (post.body or post.quotes or post.author or post.date or post.article or post.signature)


def _first_author(posts: Sequence[Post]) -> str | None:
    if posts and posts[0].author is not None:
        return posts[0].author.name
    return None


def _post_one(posts: Sequence[Post]) -> str | None:
    """The author of the first authored post when the page numbers it ``#1``: the thread's first post (the text
    before it, ``posts[0]``, is then the page's header)."""
    from .packs._common import is_rank_like

    q = next((p for p in posts if p.author is not None and p.author.name), None)
    if q is None or q.number != 1 or q.author is None or not q.author.name:
        return None
    name = q.author.name.strip()
    if len(name) < 2 or not any(c.isalpha() for c in name) or is_rank_like(name):
        return None
    return name


#: ``Page 2 of 5`` in any language of the pager tables: the page's own number in group ``n``.
_PAGE_OF_RE = lazy(
    rf"(?<!\w)(?:{alternation('pager_page')})[ \t]+(?P<n>\d{{1,5}})[ \t]+(?:{alternation('pager_of')})[ \t]+\d{{1,5}}(?!\w)",
    regex.IGNORECASE,
)


def _starter_wrote_first(posts: Sequence[Post], starter: str, text: str, started: object = None) -> bool:
    """Whether the text before the first author block (``posts[0]``, no author) is the thread's first post, so
    that the thread starter the page names (``Discussion in 'Garden' started by Ruth``, on every page of the
    thread) wrote it: a main-content extractor keeps the first post's text without its poster block.

    Only on the thread's first page: no ``Page N of M`` other than page 1, and the first numbered post after it
    numbered as a first page's second (``#2``, or ``#3`` when an extractor dropped one): on page 2 the text
    before the first author block is a reply, and before ``#1`` it is the page's header. Not when the next post's poster is the starter: that
    block may be the first post's own, printed under its text (trafilatura), and the text door gave it on. Not
    when the text is dated a day or more from the thread's start date (``started``, as the page prints it): the
    extractor dropped the first post, and this text is a reply."""
    from .dates import parse_date
    from .packs._common import is_rank_like

    first = posts[0]
    if first.author is not None or not first.body.strip() or first.number not in (None, 1):
        return False
    name = starter.strip()  # (a name: not a sentence a rule read as one, ``#1``, or a rank)
    if not 2 <= len(name) <= 40 or len(name.split()) > 4 or not any(c.isalpha() for c in name) or is_rank_like(name):
        return False
    nxt = posts[1].author if len(posts) > 1 else None
    if nxt is not None and (nxt.name or "").strip() == starter.strip():
        return False
    start = parse_date(started) if isinstance(started, str) else None
    # (the text's date: a dateline the news rules read over it, or the post's own when the text was split into
    # posts; a text left whole may hold a later post's date line)
    when = (first.date if len(posts) > 1 else None) or (first.article.published if first.article is not None else None)
    if start is not None and when is not None:
        a = start.date() if isinstance(start, _dt.datetime) else start
        b = when.date() if isinstance(when, _dt.datetime) else when
        if abs((b - a).days) >= 1:
            return False
    if any(m.group("n") != "1" for m in _PAGE_OF_RE.finditer(text)):
        return False
    k, q = next(((k, q) for k, q in enumerate(posts) if k and q.number is not None), (0, None))
    return q is None or q.number is None or 2 <= q.number <= k + 2


def _named_above(posts: Sequence[Post], input_lines: Sequence[str]) -> str | None:
    """The thread starter when the first post is the text before the first author block (``posts[0]``, no
    author): a page header that reads as prose, or a first post whose poster block the extractor dropped. The
    first poster counts only when the page printed their name above their block (``Thread starter`` line,
    topic header, ``Started by``): whole-page texts do, while a dropped poster block leaves the second
    poster's name nowhere above."""
    from .packs._common import is_rank_like

    if not posts or posts[0].author is not None:
        return None
    q = next((p for p in posts[1:] if p.author is not None and p.author.name), None)
    if q is None or q.author is None or q.lines is None:
        return None
    name = (q.author.name or "").strip()
    if len(name) < 2 or not any(c.isalpha() for c in name) or is_rank_like(name):
        return None
    head = "\n".join(input_lines[: q.lines[0]])
    at = head.find(name)
    while at >= 0:  # as a whole word (``Ali`` is not in ``Alice``)
        end = at + len(name)
        if not (at and _word_char(head[at - 1])) and not (end < len(head) and _word_char(head[end])):
            return name
        at = head.find(name, at + 1)
    return None


#: The most lines and words of a page header before the first author block (the thread title, a notice, a
#: breadcrumb): more is a post's text, its poster block dropped.
_HEADER_MAX_LINES = 3
_HEADER_MAX_WORDS = 25


def _under_page_header(posts: Sequence[Post], text: str) -> str | None:
    """The thread starter when the text before the first author block (``posts[0]``, no author) is only the
    page's header, as whole-page texts keep it over the first post's poster block (``What's new`` / the thread
    title): two or three lines and 25 words at most, without a date or number of its own. The first authored post is
    then the first post, unless it is numbered past ``#1`` (the text before it is post #1, its block dropped) or
    the page is not the thread's first (``Page 2 of 5``)."""
    from .packs._common import is_rank_like

    first = posts[0]
    if first.author is not None or first.number is not None or first.date is not None:
        return None
    lines = [line for line in first.body.splitlines() if line.strip()]
    if not 2 <= len(lines) <= _HEADER_MAX_LINES or sum(len(line.split()) for line in lines) > _HEADER_MAX_WORDS:
        return None  # (one line may be a short first post whose block was dropped: tests/test_starter.py)
    q = next((p for p in posts[1:] if p.author is not None and p.author.name), None)
    if q is None or q.author is None or q.number not in (None, 1):
        return None
    name = (q.author.name or "").strip()
    if len(name) < 2 or not any(c.isalpha() for c in name) or is_rank_like(name):
        return None
    if any(m.group("n") != "1" for m in _PAGE_OF_RE.finditer(text)):
        return None
    return name


_REPLY_PREFIX_RE = regex.compile(r"^(?:Re|RE|Aw|AW|Odp|Ответ|Réf|R|Rif|Antw|SV|VS)[ \t]?:[ \t]*")


def _replied_to(posts: Sequence[Post], input_lines: Sequence[str]) -> str | None:
    """The thread starter when the first post is the text before the first author block: the first authored
    post, when its subject (no ``Re:``) is the thread's: later posts reply to it (``Tide tables``, then ``Re:
    Tide tables``), or the page printed it as the thread title above (a line of its own). Classic engines give
    the first post the thread's title as its subject."""
    q = next((p for p in posts[1:] if p.author is not None and p.author.name), None)
    if q is None or q.author is None or not q.title or _REPLY_PREFIX_RE.match(q.title):
        return None
    title = q.title.strip()
    for p in posts[posts.index(q) + 1 :]:
        if p.title and (m := _REPLY_PREFIX_RE.match(p.title)) and p.title[m.end() :].strip() == title:
            return q.author.name
    if q.lines is not None and any(line.strip() == title for line in input_lines[: q.lines[0]]):
        return q.author.name
    return None


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _merge_article(a: Article | None, b: Article | None) -> Article | None:
    if a is None:
        return b
    if b is None:
        return a
    changes = {f.name: getattr(b, f.name) for f in attrs.fields(Article) if not getattr(a, f.name)}
    return attrs.evolve(a, **changes)


def _merge_comments(found: tuple[Comment, ...], more: tuple[Comment, ...]) -> tuple[Comment, ...]:
    """The comments the markup gave a post (``found``), then those text rules found in its body that are not
    among them."""
    if not more:
        return found
    seen = {" ".join(c.text.split()) for c in found}
    return found + tuple(c for c in more if " ".join(c.text.split()) not in seen)


def _markup_left(view: TextView) -> bool:
    """Whether an input line of ``view`` that reads as blank (see :mod:`postclean.layout`) is still unclaimed."""
    src = view.source
    return src is not None and any(src[i].strip() and not view.claimed[i] for i in range(len(src)))


def _body_lines(view: TextView) -> list[str]:
    """The lines a post's body keeps, as the rules read them."""
    return [x for x, gone in zip(view.lines, view.claimed, strict=True) if not gone]


def _remember(context: dict[str, Any], post: Post, body: Sequence[str], *, preamble: bool = False) -> None:
    """Note ``post``'s lines (``body``: its body lines as the rules read them) for the rules of later posts.

    ``context["seen"]`` maps a line key to 1 when a post holds it, 0 when only the ``preamble`` does (text
    before the first author block).
    """
    seen: dict[str, int] = context["seen"]
    # whether the post about to be cleaned is the first after the preamble (GEN002 lets it keep a preview's lines)
    context["after_preamble"] = preamble
    if preamble:
        for line in body:
            key = line_key(line)
            if key:
                seen.setdefault(key, 0)
        return
    # the closing lines of each post by a known author: a later post of theirs ending the same way has a
    # signature, not a quote
    name = post.author.name if post.author is not None else None
    if name:
        tails: set[tuple[str, str]] = context.setdefault("tails", set())
        closing = [x for x in body if x.strip()][-4:]
        tails.update((name, line_key(x)) for x in closing)
    for line in body:
        key = line_key(line)
        if key:
            seen[key] = 1
    for q in post.quotes:
        for line in q.text.split("\n"):
            key = line_key(line)
            if key:
                seen[key] = 1


_FIELDS_POSTER = {f.name for f in attrs.fields(Poster)}
_FIELDS_ARTICLE = {f.name for f in attrs.fields(Article)}


def _remap_parents(posts: list[Post], kept: Mapping[int, int]) -> None:
    """Point each post's ``parent`` at its new index once posts were dropped (``kept``: old index -> new); a
    reply whose parent was dropped has none (its ``depth`` stays: the page's nesting)."""
    for i, p in enumerate(posts):
        if p.parent is not None:
            posts[i] = attrs.evolve(p, parent=kept.get(p.parent))


def _at_post(r: Removal, post: int | None) -> Removal:
    """``r`` with its post index set: ``attrs.evolve(r, post=post)``, at a third of its cost (a page's removals
    are re-indexed once per page)."""
    return Removal(r.code, r.name, r.reason, r.text, r.lines, r.span, r.node, post, r.moved_to)


def _without_initial(post: Post) -> Post:
    """``post`` without its author's name when the name is one character, other than a letter of a script
    without case (CJK): a cased letter (``A``, ``О``) is the avatar's initial, printed where a converter dropped
    the name (no forum engine's default rules allow a one-letter Latin or Cyrillic username), a digit or a sign
    (``1``, ``|``) no name at all. The line stays a recorded removal of the poster block; the rules saw the
    name (it still marks where the block was)."""
    author = post.author
    name = (author.name or "").strip() if author is not None else ""
    if author is None or len(name) != 1 or (name.isalpha() and name.lower() == name.upper()):
        return post
    return attrs.evolve(post, author=attrs.evolve(author, name=None))


def _build_post(view: TextView, run: _Run, *, lines: tuple[int, int] | None) -> Post:
    return Post(**_post_fields(view, run, lines=lines))


def _post_fields(view: TextView, run: _Run, *, lines: tuple[int, int] | None) -> dict[str, Any]:
    """The fields of the :class:`Post` the rules made of ``view`` (see :func:`_build_post`)."""
    facts = run.facts
    # Body items in line order with quote markers where quotes stood.
    quote_marks: dict[int, list[int]] = {}
    quotes: list[Quote] = []
    for line, q in sorted(run.quotes, key=lambda x: x[0]):
        quote_marks.setdefault(line, []).append(len(quotes))
        quotes.append(q)
    items: list[tuple[str, Any]] = []
    breaks: list[bool] | None = view.context.get("breaks")
    shown = view.lines if view.source is None else view.source
    for i, text_line in enumerate(shown):
        for qi in quote_marks.pop(i, ()):
            items.append(("quote", qi))
        if view.claimed[i]:
            continue
        if "\n" in text_line:  # the input lines of a wrapped line (see postclean.wrapping)
            items.extend(("text", part.rstrip()) for part in text_line.split("\n") if part.strip())
        else:
            items.append(("text", text_line.rstrip()))
        if breaks is not None and breaks[view.base + i]:
            items.append(("text", ""))  # the input's blank line(s) after it, as one
    for rest in sorted(quote_marks):
        for qi in quote_marks[rest]:
            items.append(("quote", qi))
    # Whitespace repair: trim blank lines at both ends, collapse runs of blank lines to one.
    cleaned: list[tuple[str, Any]] = []
    last_text: str | None = None  # the previous text item, quotes ignored
    for kind, val in items:
        if kind == "text" and not val and (last_text is None or not last_text):
            continue
        cleaned.append((kind, val))
        if kind == "text":
            last_text = val
    while True:
        blanks = [k for k, (kind, val) in enumerate(cleaned) if kind == "text"]
        if blanks and not cleaned[blanks[-1]][1]:
            del cleaned[blanks[-1]]
        else:
            break
    body_lines: list[str] = []
    layout: list[tuple[Literal["text", "quote"], int]] = []
    for kind, val in cleaned:
        if kind == "text":
            layout.append(("text", len(body_lines)))
            body_lines.append(val)
        else:
            layout.append(("quote", val))
    author = None
    author_facts = {k[7:]: v for k, v in facts.items() if k.startswith("author.") and k[7:] in _FIELDS_POSTER}
    signed = facts.get("post.signed_by")  # the name a line under the post gives (XenForo 1's message meta)
    name = author_facts.get("name")
    if isinstance(signed, str) and isinstance(name, str) and name != signed:
        # the line under the post names its poster: the block's "name" was the name and the user title joined
        # on one line (inline elements), or the title alone (the name stood too far above the block)
        author_facts["name"] = signed
        title = name[len(signed) :].strip() if name.startswith(signed + " ") else name
        author_facts.setdefault("rank", title)
    if author_facts:
        author = Poster(**author_facts)
    article_facts = {
        k[8:]: v for k, v in facts.items() if k.startswith("article.") and k[8:] in _FIELDS_ARTICLE
    }
    if run.authors:
        article_facts["authors"] = tuple(run.authors)
    date = facts.get("post.date")
    date_raw = facts.get("post.date_raw")
    if "dateline" in facts:
        if article_facts:
            article_facts.setdefault("published", facts["dateline"])
            article_facts.setdefault("published_raw", facts.get("dateline_raw"))
        elif date is None:
            date, date_raw = facts["dateline"], facts.get("dateline_raw")
    card = article_facts.get("link_card")
    if isinstance(card, LinkCard) and card.domain:
        article_facts.setdefault("source_domain", card.domain)
    article = Article(**article_facts) if article_facts else None
    return dict(
        body="\n".join(body_lines),
        author=author,
        title=facts.get("post.title"),
        date=date,
        date_raw=date_raw,
        quotes=tuple(quotes),
        signature=facts.get("post.signature"),
        article=article,
        reactions=facts.get("post.reactions"),
        edit_note=facts.get("post.edit_note"),
        number=facts.get("post.number"),
        post_id=facts.get("post.post_id"),
        permalink=facts.get("post.permalink"),
        lines=lines,
        layout=tuple(layout),
        comments=tuple(c for _line, c in sorted(run.comments, key=lambda x: x[0])),
    )

"""Substance of channels, audiences, people and policy: what a strategist sees (issue #18).

These rules read what the plan says, not which labels it uses: a channel's stated purpose,
who its audiences are, the people in the roles that carry the channels, and whether the
plan's launch and moderation contradict its own aims.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from .._core.placeholders import is_placeholder
from .._core.text import counted
from .._core.vocab import ONE_WAY_PLATFORMS
from .._model import Plan, Role
from ._absence import NOT_RETIRED, channels_in
from ._context import Context
from ._registry import Finding, rule

#: A placeholder that SP901 (todo-left) reports already: these rules leave it to SP901.
_TODO = re.compile(r"\bTODO\b")


def _written(text: str | None) -> bool:
    """Whether *text* is written: given, and not a placeholder ("TBD", "coming soon"); a
    TODO counts as written here, since SP901 tells the user about it already."""
    return text is not None and (not is_placeholder(text) or bool(_TODO.search(text)))


def _names(keys: list[str]) -> str:
    return ", ".join(keys)


@rule(
    "SP306",
    "channel-without-purpose",
    "warning",
    summary="Channels that do not say what they are for.",
    why="Seed 003 (E) asks that each platform have its own meaning and objectives under one "
    "strategic line; a channel with no stated purpose is kept out of habit. Seen in the "
    "corpus: university-csbsju lists seven networks and none says what it is for.",
    fix="Give each channel a `purpose`: what it does that the others do not, for whom.",
    example='[channels.tiktok]\nplatform = "tiktok"  # purpose = ?',
)
def channel_without_purpose(context: Context) -> Iterator[Finding]:
    live = channels_in(context.plan, NOT_RETIRED)
    lacking = [key for key, channel in live.items() if not _written(channel.purpose)]
    if lacking:
        verb = "states" if len(lacking) == 1 else "state"
        of = counted(len(live), "channel")
        yield Finding(
            "channels",
            f"{len(lacking)} of {of} {verb} no purpose: {_names(lacking)}",
            "give each a purpose: what it does that the other channels do not, and for whom",
        )


def _same_text(text: str) -> str:
    """*text* as compared for sameness: case, accents, spacing and punctuation aside."""
    return " ".join(re.findall(r"\w+", _folded(text)))


def _folded(text: str) -> str:
    """*text* casefolded and decomposed, without its combining marks: case and accents
    aside, its spacing and punctuation kept."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@rule(
    "SP307",
    "channels-same-purpose",
    "warning",
    summary="Two channels state the same purpose.",
    why="Seed 003 (E): each platform must have its own, unique meaning; otherwise the plan "
    "is standard, and two channels doing one job split the audience and the effort.",
    fix="Say what each channel does that the other does not, or keep only one of them.",
    example='[channels.facebook]\npurpose = "News"\n[channels.x]\npurpose = "News"',
)
def channels_same_purpose(context: Context) -> Iterator[Finding]:
    first: dict[str, str] = {}
    for key, channel in channels_in(context.plan, NOT_RETIRED).items():
        if not _written(channel.purpose):
            continue
        assert channel.purpose is not None
        same = _same_text(channel.purpose)
        if same in first:
            yield Finding(
                f"channels.{key}.purpose",
                f'channel "{key}" states the same purpose as "{first[same]}"',
                "say what each does that the other does not, or keep only one",
                related=(f"channels.{first[same]}.purpose",),
            )
        else:
            first[same] = key


#: Words that name everybody rather than a segment, as the head of an audience's name.
_EVERYONE = frozenset(
    {
        "all",
        "everyone",
        "everybody",
        "public",
        "general public",
        "wider public",
        "residents",
        "citizens",
        "people",
        "population",
        "customers",
        "users",
        "todos",
        "todas",
        "todo el mundo",
        "ciudadania",
        "ciudadanos",
        "publico",
        "publico general",
        "poblacion",
        "vecinos",
        "residentes",
        "clientes",
    }
)
_ARTICLE = re.compile(r"^(?:the|our|all|la|el|los|las|nuestros|nuestras|toda la|todos los) ")
_QUALIFIER = re.compile(r" (?:across|in|of|from|at|de|del|en) .*$")


def _catch_all(name: str) -> bool:
    """Whether *name* ("Residents", "People across Northumberland", "La ciudadanía") names
    everybody: its head, an article and a place aside, is a word for all people."""
    head = _QUALIFIER.sub("", _ARTICLE.sub("", _same_text(name)))
    return head in _EVERYONE


@rule(
    "SP308",
    "catch-all-audience",
    "warning",
    summary="The plan's only audience is everybody.",
    why="Seed 003 (H) asks for research on the audiences the plan wants to reach: their "
    'tastes, habits, needs. "Residents" or "the general public" as the only audience '
    "gives no one to write for, no channel to choose and no one whose reaction to measure. "
    'Seen in the corpus: health-northumberland-ccg speaks to "people across '
    'Northumberland" though its reason is to reach those who do not usually take part.',
    fix="Split it into the groups the plan must reach and that differ in what they need "
    "(for a council: parents of school-age children, businesses, older residents...). "
    "The rule is opt-in (an umbrella guide rightly leaves audiences to each account): "
    'select it by its code, `select = ["SP", "SP308"]`.',
    example='[audiences.residents]\nname = "Residents"  # the only audience',
    opt_in=True,
)
def catch_all_audience(context: Context) -> Iterator[Finding]:
    audiences = context.plan.audiences
    if len(audiences) != 1:
        return
    ((key, audience),) = audiences.items()
    if _catch_all(audience.name) or _catch_all(key.replace("_", " ")):
        yield Finding(
            f"audiences.{key}",
            f'the only audience, "{audience.name}", is everybody: nobody in particular',
            "split it into the groups the plan must reach, each with its own needs",
        )


def _people(role: Role) -> list[str]:
    """The people of *role* as written, without placeholders."""
    return [person for person in role.people if not is_placeholder(person)]


def _carries(plan: Plan, key: str) -> list[str]:
    """What the plan relies on role *key* for: approving, being accountable, owning channels."""
    carried: list[str] = []
    approvers = {
        "approval.approver": plan.approval.approver if plan.approval else None,
        "policy.approver": plan.policy.approver if plan.policy else None,
        "governance.approver": plan.governance.approver if plan.governance else None,
    }
    carried += [f"is {path}" for path, approver in approvers.items() if approver == key]
    if plan.launch is not None and any(g.approver == key for g in plan.launch.gates):
        carried.append("approves launch gates")
    if plan.raci is not None:
        entries = {**plan.raci.steps, **plan.raci.channels}
        if any(key in entry.accountable for entry in entries.values()):
            carried.append("is accountable in the RACI")
    live = channels_in(plan, NOT_RETIRED)
    owned = [k for k, c in live.items() if c.owner == key]
    if owned and 2 * len(owned) >= len(live):
        carried.append(f"owns {len(owned)} of {counted(len(live), 'channel')}")
    return carried


@rule(
    "SP407",
    "vacant-role",
    "warning",
    summary="A role with nobody in it that the plan relies on.",
    why="A plan that names the people of some roles and leaves empty the one that owns the "
    "channels, approves or is accountable has a hole where the work is: the approvers exist, "
    "the doer does not. Seen in the corpus: community-open-neuromorphic's social media "
    "coordinator owns both channels and has no one in it.",
    fix="Name the people in the role (`people`), or give its channels and approvals to a "
    "role that has them.",
    example='[roles.board]\npeople = ["Ana"]\n[roles.cm]\ntitle = "Community manager"\n'
    '[channels.x]\nowner = "cm"  # cm has no people',
)
def vacant_role(context: Context) -> Iterator[Finding]:
    roles = context.plan.roles
    if not any(_people(role) for role in roles.values()):
        return  # the plan does not record people at all: nothing says a role is vacant
    for key, role in roles.items():
        if _people(role):
            continue
        carried = _carries(context.plan, key)
        if carried:
            yield Finding(
                f"roles.{key}.people",
                f'role "{key}" has nobody in it, yet it {", ".join(carried)}',
                "name its people, or give what it carries to a role that has them",
            )


#: Words that make a role's title a group of people rather than one post.
_GROUP = re.compile(
    r"\b(?:team|teams|committee|council|department|office|unit|staff|members|group|board"
    r"|agency|equipo|departamento|servicio|unidad|comite|oficina|gabinete)\b"
)


def _one_person(role: Role, plan_names_people: bool) -> bool:
    """Whether *role* is one person: one named (shadows aside), or, in a plan that names
    nobody, a title that reads as one post ("Social media specialist"), not a team."""
    people = [p for p in _people(role) if "shadow" not in p.casefold()]
    if people:
        return len(people) == 1 and len(_people(role)) == 1
    if plan_names_people:
        return False  # a vacant role: SP407's
    title = _same_text(role.title.split("(")[0])
    post = re.split(r" (?:of|for|de|del|para) ", title)[0]
    last = post.rsplit(" ", 1)[-1]
    return not _GROUP.search(title) and not (last.endswith("s") and not last.endswith("ss"))


#: Channels that publish rather than converse: a blog or a newsletter kept by writers does
#: not cover the person who answers on the social networks.
_NOT_CONVERSING = ONE_WAY_PLATFORMS | {"blog"}


@rule(
    "SP408",
    "one-person-every-channel",
    "warning",
    summary="One person runs every channel, or every social channel, with nobody to stand in.",
    why="Seed 004 makes the community manager responsible for the channels, not the only "
    "one who can run them: when that person is ill, on leave or gone, every channel goes "
    "quiet at once. A blog or a newsletter kept by someone else does not cover the "
    "networks where people expect an answer: in a plan of three channels or more, one "
    "person on every social channel (two or more) is reported too. Seen in the corpus: "
    "university-csbsju's one Social Media Specialist runs content, replies and reports on "
    "seven networks; smallbiz-hanno's one social curator schedules, answers and re-shares "
    "on Twitter and LinkedIn while the writers keep the blog.",
    fix="Name a second person (a backup or shadow) in the role, or give some channels to "
    "another role; say in `resources` how much of their time the channels take.",
    example='[roles.cm]\ntitle = "Community manager"\npeople = ["Ana"]\n'
    '[channels.x]\nowner = "cm"  # and every other channel too',
)
def one_person_every_channel(context: Context) -> Iterator[Finding]:
    plan = context.plan
    live = channels_in(plan, NOT_RETIRED)
    if len(live) < 3:
        return
    social = {k: c for k, c in live.items() if c.platform not in _NOT_CONVERSING}
    owners = {c.owner for c in live.values()}
    social_owners = {c.owner for c in social.values()}
    if len(owners) == 1:
        runs = f"all {len(live)} channels"
    elif len(social) >= 2 and len(social_owners) == 1:
        both = "both" if len(social) == 2 else f"all {len(social)}"
        runs = f"{both} social channels ({', '.join(social)})"
        owners = social_owners
    else:
        return
    (owner,) = owners
    role = plan.roles.get(owner) if owner is not None else None
    names_people = any(_people(r) for r in plan.roles.values())
    if role is not None and _one_person(role, names_people):
        who = _people(role)[0] if _people(role) else role.title
        yield Finding(
            f"roles.{owner}",
            f'one person runs {runs}, with nobody to stand in: "{who}"',
            "name a backup in the role's people, or give some channels to another role",
        )


#: What an objective says when it asks people to answer, comment or take part.
_INVITES = re.compile(
    r"\b(?:interact\w*|conversation\w*|engag\w*|dialog\w*|dialogue\w*|comment\w*|discuss\w*"
    r"|feedback|repl\w*|particip\w*|interaccion\w*|conversacion\w*|dialogo\w*|comentari\w*"
    r"|debat\w*)\b"
)
#: A moderation rule that covers every visitor's post, not one kind of them.
_EVERY_POST = re.compile(
    r"^(?:all|every|any|each|todo|todos|todas|cualquier)\b(?:\s+\w+)?"
    r"(?:\s+(?:comments?|repl(?:y|ies)|posts?|messages?|comentarios?|respuestas?|mensajes?))?$"
)
#: House rules that say comments are not open at all.
_COMMENTS_OFF = re.compile(
    r"\bcomments?\s+(?:are\s+|is\s+)?(?:turned\s+off|switched\s+off|off|closed|disabled)\b"
    r"|\bcomentarios\s+(?:est[aá]n\s+)?(?:desactivados|cerrados|deshabilitados)\b"
)
_SILENCES = frozenset({"hide", "delete", "block"})


def _silenced(plan: Plan) -> str | None:
    """Where the plan's moderation silences every visitor's post, or None."""
    moderation = plan.moderation
    if moderation is None:
        return None
    for position, each in enumerate(moderation.rules):
        if str(each.action) in _SILENCES and _EVERY_POST.match(_same_text(each.when)):
            return f"moderation.rules[{position}] ({each.action} {each.when!r})"
    if moderation.house_rules and _COMMENTS_OFF.search(_same_text(moderation.house_rules)):
        return "moderation.house_rules (comments are off)"
    return None


@rule(
    "SP505",
    "objective-against-moderation",
    "error",
    summary="An objective invites interaction while moderation silences every reply.",
    why="Seed 004 asks for content that promotes interaction, and seed 003 (Q) judges the "
    "short term by whether interactions occur; a plan that asks for conversation and hides, "
    "deletes or turns off every comment contradicts itself, and the objective cannot be met.",
    fix="Moderate kinds of post (abuse, spam, personal data) instead of every post, or, if "
    "comments must stay off, aim the objective at something else (shares, clicks, visits).",
    example='[objectives.talk]\ntitle = "Start conversations with residents"\n'
    '[[moderation.rules]]\nwhen = "All comments"\naction = "hide"',
)
def objective_against_moderation(context: Context) -> Iterator[Finding]:
    plan = context.plan
    where = _silenced(plan)
    if where is None:
        return
    for key, objective in plan.objectives.items():
        said = " ".join(t for t in (objective.title, objective.kind, objective.description) if t)
        if _INVITES.search(_same_text(said)):
            yield Finding(
                f"objectives.{key}",
                f'objective "{key}" invites interaction, but {where} silences every reply',
                "moderate kinds of post instead of all of them, or aim the objective elsewhere",
            )


_STATUS_ORDER = ("idea", "draft", "approved", "scheduled", "published")


@rule(
    "SP607",
    "unapproved-entries",
    "warning",
    summary="Calendar entries went past the approval step with nobody able to approve them.",
    why="Seed 003 (I.3): nothing visible goes out before a draft is approved. With an "
    "approval step and no approver, entries that are scheduled or published were never "
    "approved; with four eyes, an entry owned by a one-person approver role was approved by "
    "its own author.",
    fix="Name the `approver` of `[approval]`; with `four_eyes`, give the approver role a "
    "second person, or give the entries another owner.",
    example='[approval]\nbefore = "scheduled"  # approver = ?\n'
    '[[calendar]]\ndate = 2026-03-02\nchannel = "x"\ntitle = "Opening"\nstatus = "scheduled"',
)
def unapproved_entries(context: Context) -> Iterator[Finding]:
    plan = context.plan
    approval = plan.approval
    if approval is None or approval.before is None:
        return
    gate = _STATUS_ORDER.index(str(approval.before))
    past = [
        (position, entry)
        for position, entry in enumerate(plan.calendar)
        if _STATUS_ORDER.index(str(entry.status)) >= gate
    ]
    if not past:
        return
    if approval.approver is None:
        yield Finding(
            "approval.approver",
            f"{counted(len(past), 'calendar entry')} reached {approval.before} or later, "
            "but nobody is named to approve them",
            "name the role that approves drafts",
        )
        return
    approver = plan.roles.get(approval.approver)
    if not approval.four_eyes or approver is None or len(_people(approver)) > 1:
        return
    for position, entry in past:
        if entry.owner == approval.approver:
            yield Finding(
                f"calendar[{position}].owner",
                f'entry "{entry.title}" is owned by its own approver, "{approval.approver}", '
                "and four eyes says nobody approves their own draft",
                "give the entry another owner, or a second person to the approver role",
            )


@rule(
    "SP608",
    "trial-after-launch",
    "error",
    summary="The trial period ends after the launch.",
    why="Seed 003 (J): the trial period comes before the release, to check every platform "
    "with the team and nearby customers and correct it; a trial that ends after the launch "
    "tests in public what it was meant to catch in private.",
    fix="End the trial (`launch.trial_until`) before the launch date, or move the launch.",
    example="[launch]\ndate = 2026-03-01\ntrial_until = 2026-03-15",
)
def trial_after_launch(context: Context) -> Iterator[Finding]:
    launch = context.plan.launch
    if launch is None or launch.date is None or launch.trial_until is None:
        return
    if launch.trial_until > launch.date:
        yield Finding(
            "launch.trial_until",
            f"the trial period ends on {launch.trial_until}, after the launch on {launch.date}",
            "end the trial before the launch, or launch later",
        )

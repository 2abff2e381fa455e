"""The layouts of the platforms' exports: their headers as written (English, Spanish and
legacy), the canonical column each stands for, and the columns that tell the layouts apart.

Written from the column lists the platforms publish (and the issue names); a header not
listed keeps a lower_snake form of itself, so a column a platform adds is read, not lost.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType

import attrs

#: The platforms an export can come from.
PLATFORMS = ("facebook", "instagram", "linkedin", "x", "youtube", "tiktok", "ga4", "listening")

#: The columns that hold dates, in the order a row's date is taken from them.
DATE_COLUMNS = ("date", "publish_time", "created_date", "post_time")
#: The columns that identify a post, in the order a row's key is taken from them.
KEY_COLUMNS = ("post_id", "content_id", "permalink", "url")
#: The columns that hold text (anything else not a date holds numbers).
TEXT_COLUMNS = frozenset(
    {
        *("post_id", "content_id", "permalink", "url", "page_id", "page_name", "account_id"),
        *("account_username", "account_name", "title", "text", "description", "post_type"),
        *("posted_by", "audience", "campaign_name", "campaign_start_date", "campaign_end_date"),
        *("content_type", "channel_group", "source_medium", "landing_page", "headline"),
        *("source", "sentiment", "keywords", "author", "country", "language", "lifetime"),
        *("data_comment", "duration_text"),
    }
)

#: The columns whose values have decimals by nature (a count never has): in these, a cell
#: such as ``70.618`` is a decimal when the column's other cells prove the dot is one.
FRACTIONAL = re.compile(r".*(?:_rate(?:_.*)?|ctr|watch_time_hours|average_.*|_per_.*|revenue)")


def _pairs(table: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    return {normal(alias): canonical for canonical, aliases in table.items() for alias in aliases}


def normal(header: str) -> str:
    """*header* as compared: case and accents folded, blanks collapsed, a trailing colon or
    asterisk dropped."""
    folded = unicodedata.normalize("NFKD", header.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(folded.split()).rstrip(":* ")


def slug(header: str) -> str:
    """The lower_snake name of a header no layout lists (``"Video saves (%)"``:
    ``video_saves``)."""
    return re.sub(r"[^a-z0-9]+", "_", normal(header)).strip("_") or "column"


_META = {
    "post_id": ("Post ID", "Identificador de la publicación", "ID de la publicación"),
    "page_id": ("Page ID", "Identificador de la página", "ID de la página"),
    "page_name": ("Page name", "Nombre de la página"),
    "account_id": ("Account ID", "Identificador de la cuenta", "ID de la cuenta"),
    "account_username": ("Account username", "Nombre de usuario de la cuenta"),
    "account_name": ("Account name", "Nombre de la cuenta"),
    "title": ("Title", "Título"),
    "description": ("Description", "Descripción"),
    "duration": ("Duration (sec)", "Duración (s)", "Duración (seg)"),
    "publish_time": ("Publish time", "Hora de publicación"),
    "permalink": ("Permalink", "Enlace permanente"),
    "post_type": ("Post type", "Tipo de publicación"),
    "data_comment": ("Data comment", "Comentario sobre los datos"),
    "date": ("Date", "Fecha"),
    "views": ("Views", "Visualizaciones"),
    "impressions": ("Impressions", "Impresiones"),
    "reach": ("Reach", "Alcance"),
    "reactions": ("Reactions", "Reacciones"),
    "likes": ("Likes", "Me gusta"),
    "comments": ("Comments", "Comentarios"),
    "shares": ("Shares", "Veces que se compartió", "Veces compartido", "Compartidos"),
    "clicks": ("Total clicks", "Clics totales"),
    "link_clicks": ("Link clicks", "Clics en el enlace"),
    "other_clicks": ("Other clicks", "Otros clics"),
    "new_followers": ("Follows", "Seguimientos", "Seguidores nuevos"),
    "saves": ("Saves", "Veces guardado", "Guardados"),
    "profile_visits": ("Profile visits", "Visitas al perfil"),
    "interactions": (
        "Reactions, comments and shares",
        "Reacciones, comentarios y veces compartido",
    ),
}

_VARIANTS = {"organic": "orgánicas", "sponsored": "patrocinadas", "total": "total"}
_LINKEDIN_DAILY = {
    "impressions": ("Impressions", "Impresiones"),
    "unique_impressions": ("Unique impressions", "Impresiones únicas"),
    "clicks": ("Clicks", "Clics"),
    "reactions": ("Reactions", "Reacciones"),
    "comments": ("Comments", "Comentarios"),
    "reposts": ("Reposts", "Veces compartido"),
    "shares": ("Shares", "Veces que se compartió"),
    "engagement_rate": ("Engagement rate", "Tasa de interacción"),
}
_LINKEDIN = {
    "date": ("Date", "Fecha"),
    # Posts (the sheet "All posts"; older exports say "Update ...").
    "title": (
        "Post title",
        "Update title",
        "Título de la publicación",
        "Título de la actualización",
    ),
    "permalink": (
        "Post link",
        "Update link",
        "Enlace de la publicación",
        "Enlace de la actualización",
    ),
    "post_type": ("Post type", "Update type", "Tipo de publicación", "Tipo de actualización"),
    "campaign_name": ("Campaign name", "Nombre de la campaña"),
    "posted_by": ("Posted by", "Publicado por"),
    "created_date": ("Created date", "Fecha de creación"),
    "campaign_start_date": ("Campaign start date", "Fecha de inicio de la campaña"),
    "campaign_end_date": ("Campaign end date", "Fecha de finalización de la campaña"),
    "audience": ("Audience", "Público"),
    "impressions": ("Impressions", "Impresiones"),
    "views": (
        "Views (excluding off-site video views)",
        "Visualizaciones (sin incluir las visualizaciones de vídeo fuera del sitio)",
    ),
    "offsite_views": ("Off-site views", "Visualizaciones fuera del sitio"),
    "clicks": ("Clicks", "Clics"),
    "ctr": ("Click through rate (CTR)", "CTR", "Porcentaje de clics (CTR)"),
    "likes": ("Likes", "Reactions", "Recomendaciones", "Reacciones"),
    "comments": ("Comments", "Comentarios"),
    "reposts": ("Reposts", "Shares", "Veces compartido", "Veces que se compartió"),
    "new_followers": ("Follows", "Seguimientos"),
    "engagement_rate": ("Engagement rate", "Tasa de interacción"),
    "content_type": ("Content type", "Tipo de contenido"),
    # Followers by date (the sheet "New followers").
    "new_followers_sponsored": ("Sponsored followers", "Seguidores patrocinados"),
    "new_followers_organic": ("Organic followers", "Seguidores orgánicos"),
    "new_followers_invited": ("Auto-invited followers", "Seguidores invitados automáticamente"),
    "new_followers_total": ("Total followers", "Total de seguidores", "Seguidores totales"),
    **{
        f"{name}_{variant}": (f"{en} ({variant})", f"{es} ({spanish})")
        for name, (en, es) in _LINKEDIN_DAILY.items()
        for variant, spanish in _VARIANTS.items()
    },
}

_X = {
    "post_id": ("Post id", "Tweet id", "Id. del post", "Identificador del post"),
    "publish_time": ("time",),
    "date": ("Date", "Fecha"),
    "text": ("Post text", "Tweet text", "Texto del post"),
    "permalink": ("Post Link", "Tweet permalink", "Enlace del post"),
    "impressions": ("Impressions", "Impresiones"),
    "likes": ("Likes", "Me gusta"),
    "engagements": ("Engagements", "Interacciones"),
    "engagement_rate": ("Engagement rate", "Tasa de interacción"),
    "bookmarks": ("Bookmarks", "Elementos guardados"),
    "shares": ("Shares", "Veces compartido"),
    "new_followers": ("New follows", "follows", "Nuevos seguidores"),
    "unfollows": ("Unfollows", "Dejaron de seguirte"),
    "replies": ("Replies", "Respuestas"),
    "reposts": ("Reposts", "retweets", "Reposts"),
    "profile_visits": ("Profile visits", "user profile clicks", "Visitas al perfil"),
    "detail_expands": ("Detail expands", "Expansiones de detalles"),
    "url_clicks": ("URL clicks", "Clics en URL", "Clics en la URL"),
    "hashtag_clicks": ("Hashtag clicks", "Clics en hashtags"),
    "permalink_clicks": ("Permalink clicks", "Clics en el enlace permanente"),
    "media_views": ("Media views", "Reproducciones de contenido multimedia"),
    "media_engagements": ("media engagements",),
    "video_views": ("Video views", "Reproducciones de video"),
    "posts_published": ("Create Post", "Tweets published", "Posts publicados"),
}

_YOUTUBE = {
    "content_id": ("Content", "Contenido"),
    "title": ("Video title", "Título del vídeo", "Título del video"),
    "publish_time": (
        "Video publish time",
        "Hora de publicación del vídeo",
        "Hora de publicación del video",
    ),
    "duration": ("Duration", "Duración"),
    "date": ("Date", "Fecha"),
    "views": ("Views", "Visualizaciones"),
    "watch_time_hours": ("Watch time (hours)", "Tiempo de visualización (horas)"),
    "subscribers": ("Subscribers", "Suscriptores"),
    "impressions": ("Impressions", "Impresiones"),
    "impressions_ctr": (
        "Impressions click-through rate (%)",
        "Porcentaje de clics de las impresiones (%)",
    ),
    "average_view_duration": ("Average view duration", "Duración media de las visualizaciones"),
    "likes": ("Likes", "Me gusta"),
    "comments": ("Comments added", "Comentarios añadidos"),
    "shares": ("Shares", "Veces compartido"),
}

_TIKTOK = {
    "date": ("Date", "Fecha"),
    "video_views": ("Video Views", "Visualizaciones de vídeos", "Visualizaciones de videos"),
    "profile_views": ("Profile Views", "Visualizaciones del perfil"),
    "reach": ("Reached audience", "Audiencia alcanzada"),
    "likes": ("Likes", "Me gusta"),
    "comments": ("Comments", "Comentarios"),
    "shares": ("Shares", "Veces compartido", "Compartidos"),
    "followers": ("Followers", "Seguidores"),
    "followers_change": (
        "Difference in followers from previous day",
        "Diferencia de seguidores respecto al día anterior",
    ),
    "title": ("Video title", "Título del vídeo", "Título del video"),
    "permalink": ("Video link", "Enlace del vídeo", "Enlace del video"),
    "post_time": ("Post time", "Hora de publicación"),
    "views": ("Total views", "Visualizaciones totales"),
    "total_likes": ("Total likes", "Total de me gusta"),
    "total_comments": ("Total comments", "Total de comentarios"),
    "total_shares": ("Total shares", "Total de veces compartido"),
}

_GA4 = {
    "date": ("Date", "Fecha"),
    "channel_group": (
        "Session primary channel group (Default Channel Group)",
        "Session default channel group",
        "Grupo de canales principal de la sesión (grupo de canales predeterminado)",
        "Grupo de canales predeterminado de la sesión",
    ),
    "source_medium": ("Session source / medium", "Fuente / medio de la sesión"),
    "landing_page": (
        "Landing page",
        "Landing page + query string",
        "Página de destino",
        "Página de destino + cadena de consulta",
    ),
    "sessions": ("Sessions", "Sesiones"),
    "engaged_sessions": ("Engaged sessions", "Sesiones con interacción"),
    "engagement_rate": ("Engagement rate", "Porcentaje de interacciones"),
    "average_engagement_time": (
        "Average engagement time per session",
        "Tiempo medio de interacción por sesión",
    ),
    "events_per_session": ("Events per session", "Eventos por sesión"),
    "event_count": ("Event count", "Número de eventos"),
    "key_events": ("Key events", "Conversions", "Eventos clave", "Conversiones"),
    "total_revenue": ("Total revenue", "Ingresos totales"),
    "total_users": ("Total users", "Total de usuarios"),
    "active_users": ("Active users", "Usuarios activos"),
    "new_users": ("New users", "Usuarios nuevos"),
}

_LISTENING = {
    "date": ("Date", "Fecha"),
    "headline": ("Headline", "Title", "Titular", "Título"),
    "url": ("URL", "Link", "Enlace"),
    "source": ("Source", "Fuente", "Medio"),
    "reach": ("Reach", "Alcance"),
    "engagement": ("Engagement", "Interacción", "Interacciones"),
    "sentiment": ("Sentiment", "Sentimiento"),
    "keywords": ("Keywords", "Palabras clave"),
    "author": ("Author", "Autor"),
    "country": ("Country", "País"),
    "language": ("Language", "Idioma"),
}

#: Headers, as compared (:func:`normal`), to canonical columns, per platform.
HEADERS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "facebook": _pairs(_META),
        "instagram": _pairs(_META),
        "linkedin": _pairs(_LINKEDIN),
        "x": _pairs(_X),
        "youtube": _pairs(_YOUTUBE),
        "tiktok": _pairs(_TIKTOK),
        "ga4": _pairs(_GA4),
        "listening": _pairs(_LISTENING),
    }
)

_SPANISH_WORDS = frozenset(
    [
        "fecha",
        "de",
        "del",
        "la",
        "las",
        "los",
        "veces",
        "alcance",
        "visualizaciones",
        "seguidores",
        "gusta",
        "comentarios",
        "impresiones",
        "clics",
        "sesiones",
        "usuarios",
        "titulo",
        "enlace",
        "hora",
        "publicacion",
        "tipo",
        "interaccion",
        "interacciones",
        "eventos",
        "ingresos",
        "nombre",
        "identificador",
        "suscriptores",
        "tiempo",
        "duracion",
        "fuente",
        "sentimiento",
        "palabras",
        "autor",
        "pais",
        "idioma",
        "respuestas",
        "guardados",
        "compartido",
        "pagina",
        "cuenta",
        "contenido",
        "audiencia",
        "perfil",
        "grupo",
        "canales",
        "seguimientos",
    ]
)
_ENGLISH_WORDS = frozenset(
    [
        "date",
        "views",
        "likes",
        "comments",
        "shares",
        "impressions",
        "reach",
        "post",
        "title",
        "time",
        "clicks",
        "sessions",
        "users",
        "followers",
        "link",
        "type",
        "rate",
        "page",
        "account",
        "video",
        "profile",
        "engagement",
        "engagements",
        "subscribers",
        "watch",
        "content",
        "source",
        "sentiment",
        "keywords",
        "author",
        "country",
        "permalink",
        "id",
        "publish",
        "reactions",
        "saves",
        "follows",
        "replies",
        "reposts",
        "bookmarks",
        "visits",
        "events",
        "revenue",
    ]
)


def spanish(headers: list[str]) -> bool:
    """Whether *headers* are a Spanish export's: more of them in Spanish words than in
    English ones."""
    words = [set(re.findall(r"[a-z]+", normal(h))) for h in headers if h]
    es = sum(1 for w in words if w & _SPANISH_WORDS)
    return es > sum(1 for w in words if w & _ENGLISH_WORDS)


@attrs.frozen
class Layout:
    """One layout of one platform: the columns that must all be there to be it."""

    platform: str
    name: str
    shape: str
    markers: frozenset[str]


def _layout(platform: str, name: str, shape: str, *markers: str) -> Layout:
    return Layout(platform, name, shape, frozenset(markers))


#: The layouts, the more specific first (a tie in matched headers goes to the first).
LAYOUTS = (
    _layout("instagram", "posts", "per_post", "post_id", "account_username", "publish_time"),
    _layout("facebook", "posts", "per_post", "post_id", "page_name", "publish_time"),
    _layout("facebook", "posts", "per_post", "post_id", "page_id", "publish_time"),
    _layout("linkedin", "posts", "per_post", "title", "permalink", "created_date"),
    _layout("linkedin", "daily", "per_day", "date", "impressions_organic"),
    _layout("linkedin", "followers", "per_day", "date", "new_followers_organic"),
    _layout("x", "posts", "per_post", "post_id", "text"),
    _layout("x", "overview", "per_day", "date", "impressions", "engagements"),
    _layout("youtube", "content", "per_post", "content_id", "title"),
    _layout("youtube", "content", "per_post", "content_id", "views"),
    _layout("youtube", "daily", "per_day", "date", "watch_time_hours"),
    _layout("tiktok", "overview", "per_day", "date", "video_views", "profile_views"),
    _layout("tiktok", "followers", "per_day", "date", "followers", "followers_change"),
    _layout("tiktok", "content", "per_post", "title", "permalink", "views"),
    _layout("ga4", "traffic", "per_period", "channel_group", "sessions"),
    _layout("ga4", "traffic", "per_period", "source_medium", "sessions"),
    _layout("ga4", "landing_pages", "per_period", "landing_page", "sessions"),
    _layout("ga4", "daily", "per_day", "date", "sessions"),
    _layout("listening", "mentions", "per_post", "sentiment", "url"),
    _layout("listening", "mentions", "per_post", "sentiment", "headline"),
)

#: Meta's page files: a metric-name line, then these two columns.
META_DAILY = (frozenset({"date", "fecha"}), frozenset({"primary", "principal"}))
#: What a metric-name line of Meta's page files names, as a canonical column.
META_METRICS = _pairs(
    {
        "reach": (
            "Reach",
            "Facebook reach",
            "Instagram reach",
            "Alcance",
            "Alcance de Facebook",
            "Alcance de Instagram",
        ),
        "views": ("Views", "Facebook views", "Instagram views", "Visualizaciones"),
        "impressions": ("Impressions", "Impresiones"),
        "new_followers": (
            "Follows",
            "Facebook follows",
            "Instagram follows",
            "New follows",
            "Seguimientos",
        ),
        "followers": ("Followers", "Seguidores"),
        "unfollows": ("Unfollows", "Dejaron de seguir"),
        "interactions": (
            "Interactions",
            "Content interactions",
            "Interacciones",
            "Interacciones con el contenido",
        ),
        "link_clicks": ("Link clicks", "Clics en el enlace"),
        "profile_visits": (
            "Visits",
            "Facebook visits",
            "Instagram profile visits",
            "Profile visits",
            "Visitas",
            "Visitas al perfil",
        ),
    }
)

#: The first cell of a row of totals (YouTube's "Total" first data row, GA4's "Grand total").
TOTALS = frozenset({"total", "totals", "grand total", "total general", "totales", "suma total"})
#: What a date cell of a per-post row says when its numbers are the post's lifetime totals.
LIFETIME = frozenset({"lifetime", "de por vida", "total de por vida", "vitalicio"})

_TABLES = {
    "facebook": _META,
    "instagram": _META,
    "linkedin": _LINKEDIN,
    "x": _X,
    "youtube": _YOUTUBE,
    "tiktok": _TIKTOK,
    "ga4": _GA4,
    "listening": _LISTENING,
}


def header_of(platform: str, canonical: str) -> str:
    """The header *platform*'s English export writes for *canonical*."""
    return _TABLES[platform].get(canonical, (canonical,))[0]

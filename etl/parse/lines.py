"""Line classifiers: what one line of a page is (boilerplate, caption, title, stamp,
byline, \"read more\" marker), judged on its own text without looking at its neighbours."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from etl.model import Byline
from etl.parse.agencies import (
    agency_code,
    credit_line,
    signoff_body,
    split_agencies,
)
from etl.parse.byline import BY_OPENER, BY_WORD, parse_byline
from etl.parse.caching import PREDICATE_CACHE
from etl.parse.months import MONTH_WORDS
from etl.parse.pagedate import date_in, stamp_date
from etl.parse.places import STATELESS, fold, resolve_place

TEASER_MIN_CHARS = 80  # a prose paragraph ending in "..." this long is a cut-off teaser
ARROW_LEDE_CHARS = 100  # text this long before "Read more »" is a lede (shorter: a title)
_READ_MORE = re.compile(
    r"\s*(?:(?:\.{2,}|…|\[(?:\.{3}|…)\])\s*read\s+more|(?<=\w)[ \t]{2,}more|\(\s*read\s+more\s*\)"
    r"|\[\s*read\s+more\s*\]"
    # after a full sentence: "... on Wednesday. Read more", "... Lire la suite"
    r"|(?<=[.!?\"”’])[ \t]+(?:read\s+more|continue\s+reading|(?:read\s+(?:the\s+)?)?full\s+(?:story"
    r"|article)|leer\s+m[áa]s|lire\s+la\s+suite|weiterlesen|leggi\s+tutto|lees\s+meer"
    r"|leia\s+mais|saiba\s+mais)"
    # glued to a word the page cut off: "... more than half a millionRead More"
    r"|(?-i:(?<=[a-zà-ÿ,;.!?])(?:Read|READ)[ \t]+(?:More|more|MORE))"
    # a summary's link glued to its last sentence: "... in New Jersey.More >>"
    r"|(?-i:(?<=[.!?\"”’])(?:More|MORE)[ \t]*(?=»|>>|›)))"
    r"\s*(?:»|>>|›|→)?\s*$",
    re.IGNORECASE,
)
# A link with its arrow after a lede cut anywhere: "... citing conditions in the camps Read
# more »" (after a title line, the same link is the title's own: "Port strike ends Read More »").
_READ_MORE_ARROW = re.compile(r"(?<=\w)[ \t]+read\s+more[ \t]*(?:»|>>|›|→)\s*$", re.IGNORECASE)
_READ_MORE_WORDS = ("more", "reading", "full", "más", "mas", "suite", "weiterlesen", "tutto",
                    "meer", "mais")
_READ_MORE_ONLY = re.compile(
    r"^\s*(?:[A-Z]\d{2,4}\s+)?(?:\.{2,}|…)?\s*[(\[]?\s*(?:read\s+more|(?:read\s+(?:the\s+)?)?full"
    r"\s+(?:story|article)|continue\s+reading"
    # the same link in the other languages the wire is read in
    r"|lire\s+la\s+suite|leer\s+m[áa]s|weiterlesen|leggi\s+tutto|leia\s+mais|lees\s+(?:meer|verder)"
    r"|baca\s+selengkapnya|selengkapnya|devam[ıi]n[ıi]\s+oku|czytaj\s+dalej|l[äæ]s\s+mer[e]?"
    r"|les\s+mer|читать\s+далее|подробнее)\s*[)\]]?\s*(?:»|>>|›|→|\.{2,}|…)?\s*$",
    re.IGNORECASE,
)  # (a picture's size code may lead the link: "W140 Full Story")
READ_MORE_ANYWHERE = re.compile(
    r"(?:\.{2,}|…)\s*read\s+more\b|\(\s*read\s+more\s*\)|\[\s*read\s+more\s*\]", re.IGNORECASE
)
_SUBHEAD = re.compile(r"^(?:-{1,2}|—|–)\s*(\S(?:.*\S)?)\s*(?:-{1,2}|—|–)$")

# Page furniture recognised by how a short line starts. Each entry is narrow on purpose:
# story paragraphs may start "Terms of the deal...", "Advertising revenue...".
_COPYRIGHT = r"copyright\s*(?:©|\(c\)|\d{4}|$)|\(c\)\s*\d{4}|©|all\s+rights\s+reserved"
_BOILERPLATE = re.compile(
    r"^(?:related\s+(?:links|stories|articles|news|content|coverage|topics)\b"
    r"|more\s+(?:stories|news|from)\b|most\s+(?:read|popular|viewed)\b"
    r"|recommended(?:\s+(?:for\s+you|stories|articles|reading))?\s*:?\s*$"
    r"|share\s+(?:this|on|via)\b|share\s*:?\s*$|tweet\s*$|e-?mail\s+this\b"
    r"|print\s+this\b|comment\s+on\s+this\b|comments?\s*(?:\(\d+\))?\s*$|leave\s+a\s+comment"
    r"|subscribe\b|sign\s+up\s+(?:for|to)\b|newsletters?\b|advertisement\s*:?\s*$"
    r"|advertising\s*:?\s*$|advertise\s+with\s+us"
    r"|sponsored(?:\s+(?:content|links?|stories))?\s*:?\s*$"
    r"|(?:xml|rss)\s+feeds?\b|thanks\s+for\s+being\s+here|we\s+need\s+your\s+help\b"
    r"|our\s+standards\s*:|all\s+quotes\s+delayed|\$\d+\s+billed\b|paypal\s+only"
    r"|comment\s+using\b|be\s+the\s+first\s+to\s+comment\b|no\s+comments\s+yet\b|\d+\s+min(?:ute)?s?\s+read\s*$|time\s+(?:taken\s+)?to\s+read\b"
    rf"|{_COPYRIGHT}|follow\s+us\b|like\s+us\s+on"
    r"|privacy\s+(?:policy|statement|notice)\s*$|terms\s+of\s+(?:use|service)\b"
    # a site's own notices and tools: "Your web browser is no longer supported", "Share
    # story", "Table of Contents", "Version imprimable", "... – Official Facebook Page"
    r"|your\s+(?:web\s+)?browser\s+(?:is\s+)?(?:no\s+longer|not|out\s+of\s+date|outdated)"
    r"|share\s+(?:this\s+)?(?:story|article)\s*$|table\s+of\s+contents\s*$"
    r"|press\s+(?:releases?|room)\s*$|current\s+size\s*:|version\s+imprimable|envoyer\s+par\s+(?:courriel|e-?mail)"
    r"|printer[- ]friendly(?:\s+version)?\s*$|official\s+(?:web\s*)?site\s+of\b"
    r"|.{0,80}[-–—|]\s*official\s+facebook\s+page\s*$"
    # the agencies' own licensing notes under their stories
    r"|interested\s+in\s+licensing\s+this\b|n\.\s?b\.\s*:\s*afp['’]s\s+services\b"
    # the aggregator MENAFN's disclaimer and item number
    r"|menafn\s+supplies\s+this\s+content\b|menafn\d{8,}id\d+\s*$"
    r"|terms\s+and\s+conditions\s*$|we\s+use\s+cookies|this\s+(?:web)?site\s+uses\s+cookies"
    r"|accept\s+(?:all\s+)?cookies|skip\s+to\b|back\s+to\s+top|about\s+us\.?\s*$|contact\s+us\.?\s*$"
    r"|home\s*(?:[|>»/›]|$)|menu\s*$|search\s*$|log\s*in\s*$|sign\s+in\s*$|register\s*$"
    r"|read\s+more\s*:|tell\s+a\s+friend|bookmark\s*$|rss\s*$|tags?\s*:"
    r"|the\s+content\s+herein|no\s+part\s+of\s+this|permalink\s*$|top\s+stories\s*$"
    r"|go\s+to\s+contents\s*$|site\s*map\b|all\s+headlines\s*$|e-?paper\b"
    r"|for\s+immediate\s+release\b|connect\s+with\s+us\s*$|make\s+us\s+your\s+home\s+page"
    # page widgets: text size, share counters, links back and to updates
    r"|a\+\s*a-\s*$|\d+\s+shares?\s+share\b|click\s+here\s+(?:for|to)\b|back\s+to\s*:"
    # a stamp's label in other languages, the time relative ("Aktualisiert: vor 51 Minuten")
    r"|(?:aktualisiert|actualizado|atualizado|aggiornato)\s*:?\s+(?:vor|hace|h[áa]|\d)"
    # an AP member site's tagline over a state's wire stories
    r"|latest\s+(?:[a-z]+\s+){1,2}news,\s+sports,\s+business\s+and\s+entertainment\s*$"
    r"|estimated\s+read(?:ing)?\s+time\b|log\s*in\b|trends?\s*:|\(?view\s+our\s+privacy"
    # Skip links in the languages of the corpus, numbered or not ("3. Skip to sidebar",
    # "Aller au contenu principal", "Přejít k obsahu"), and other page tools and counters:
    # "Results 1 - 25 of 72", "View All", "Write a comment", "Make Kitco Your Homepage".
    r"|(?:\d{1,2}\.\s+)?(?:skip\s+to|jump\s+to\s+(?:content|navigation|main)"
    r"|(?:aller|passer)\s+(?:au\s+contenu|[àa]\s+la\s+navigation|au\s+menu)"
    r"|(?:saltar|ir)\s+al\s+contenido|ir\s+para\s+o\s+conte[úu]do|(?:direkt\s+)?zum\s+inhalt"
    r"|(?:vai|salta)\s+al\s+contenuto|naar\s+(?:de\s+)?inhoud|p[řr]ej[íi]t\s+k\s+obsahu"
    r"|przejd[źz]\s+do\s+(?:tre[śs]ci|zawarto[śs]ci)|accessibility\s+links\s*$)"
    r"|(?:sorted\s+by\s+\w+\s+)?results?\s+\d+\s*(?:-|–|to)\s*\d+\s+of\s+\d+"
    r"|level\s+\d+\s*-\s*\d+\s+of\s+\d+\s+stories|make\s+\S+(?:\s+\S+)?\s+your\s+home\s*page"
    r"|archives?\s+for\s+(?:the\s+)?[‘'\"“]|(?:our\s+)?privacy\s+(?:policy|statement|notice)"
    r"\s*(?:&|and)\s*cookie\s+policy\s*$|view\s+all\s*$|write\s+a\s+comment\s*$"
    r"|feed\s+title\s*:|print\s+e-?mail\b|short\s+url\s*$|view\s+comments\s*$|save\s+story\s*$"
    r"|as\s+delivered\s*$|click\s+to\s+see\s+(?:the\s+)?original\s+image|\d+\s+comment\(s\)"
    # a row of share buttons: "Facebook Twitter Google+ reddit"
    r"|(?:facebook|twitter|google\+|reddit|linkedin|whatsapp|pinterest|telegram|e-?mail)"
    r"(?:\s+(?:facebook|twitter|google\+|reddit|linkedin|whatsapp|pinterest|telegram|e-?mail)){2,}"
    r"\s*$"
    # A reading time on its own: "3 min read", "LETTURA: 1 minuti", "Lesezeit: 4 Min."
    r"|\d{1,3}\s*min(?:ute)?s?\.?\s+read\s*$|(?:reading\s+time|lettura|lesezeit"
    r"|temps\s+de\s+lecture|tiempo\s+de\s+lectura|leestijd|tempo\s+de\s+leitura)\s*:?\s*"
    r"\d{1,3}\s*(?:min|minut|minuten|minuti|minutos|minutes)\.?\s*$"
    r"|leave\s+a\s+(?:reply|comment)\b|your\s+email\s+address\s+will\s+not\s+be\s+published"
    r"|required\s+fields\s+are\s+marked|ask\s+about\s+this\s+article|post\s+a\s+comment"
    r"|answer\s+for\s+your\s+question\b|ie\s+\d+\s+is\s+not\s+supported\b"
    r"|your\s+browser\s+(?:is|does)\b"
    # View counters, archive labels, language switches, licence notes of pictures.
    r"|\d[\d,.]*\s+(?:total\s+)?(?:views?|reads?)(?:\s+today)?\s*$"
    r"|(?:views?|hits|reads?|okunma\s+say[ıi]s[ıi]|visitas|lectures|aufrufe)\s*:\s*\d[\d.,]*\s*$"
    r"|(?:tag|category|author|date|monthly)\s+archives?\s*:|posts\s+tagged\b"
    r"|archives?\s+for\s+[\w ]{1,30},?\s*\d{4}\s*$"  # a blog's "Archive for October, 2009"
    r"|(?:read|leer|lire|leggi|ler)\s+(?:it\s+)?(?:in|en|em)\s+[^\W\d_]+\s*$"
    r"|public\s+domain\s*$"
    # Page metadata and widgets: "Classified in: Mining", "You are here: Home", "Video Player"
    r"|(?:subject|classified\s+in|filed\s+(?:in|under)|posted\s+in|categor(?:y|ies)"
    r"|keywords?|topics?|you\s+are\s+here)\s*:|off\s+the\s+wire\s*$|video\s*player"
    r"|adjust\s+font\s+size|font\s+size\s*:|image\s+caption\s+and\s+rights"
    r"|connect\s+to\s+share\b|click\s+here\s+to\b|to\s+read\s+the\s+full\s+(?:article|story)"
    # Paywalls and share buttons in other languages: "Ce contenu est réservé aux abonnés",
    # "This content is for subscribers only", "Partager", "Teilen", "Compartir".
    r"|(?:this|the\s+full)\s+(?:content|article|story)\s+is\s+(?:for|available\s+to"
    r"|reserved\s+for|only\s+for)\b|ce\s+contenu\s+est\b|pour\s+(?:le|la)\s+lire\b"
    r"|dieser\s+(?:inhalt|artikel)\s+ist\b|este\s+contenido\s+es\b"
    r"|(?:partager|teilen|compartir|condividi|compartilhar|delen)\s*:?\s*$"
    # Syndication footers and page widgets: "Visit the Daily Star at www...", "Distributed
    # by Tribune Content Agency", "Follow Jane Doe on Twitter", "Click to share on ...".
    r"|visit\s+(?:the\s+)?[A-Z][^.]{0,60}\s+(?:at|on)\s+(?:www\.|https?://|[\w-]+\.(?:com|org|net)\b)"
    r"|distributed\s+by\s+tribune\b|this\s+(?:article|story)\s+(?:was\s+)?(?:originally\s+)?"
    r"(?:appeared|published|first\s+appeared)\s+(?:on|in)\b|follow\s+[\w.'’ -]{1,40}"
    r"\s+on\s+(?:twitter|x|facebook|instagram)\s*(?::|@|$)|click\s+to\s+(?:share|email|print)\b"
    r"|loading\.{3}\s*$|(?:story\s+)?continues\s+below\s+(?:advertisement|this\s+ad)\b"
    r"|get\s+the\s+latest\b[^.]{0,60}\b(?:inbox|newsletter)|show\s+comments\s*$"
    # A sponsor's or a market-data widget's line over the story.
    r"|(?:supported|sponsored|powered|presented|backed)\s+by\s+(?:the\s+)?[A-Z][^.!?]{0,60}$"
    r"|research\s+news\s+and\s+market\s+data\s+on\b"
    # "more from", "read also" in the languages the parser reads
    r"|meer\s+(?:uit|over|nieuws)\b|mehr\s+(?:aus|zum\s+thema|zu\s+diesem)\b|lees\s+ook\b"
    r"|lesen\s+sie\s+(?:auch|mehr)\b|lire\s+aussi\b|voir\s+aussi\b|leggi\s+anche\b"
    r"|(?:lea|ver|vea)\s+tambi[ée]n\b|leia\s+tamb[ée]m\b"
    # "read the full article" links
    r"|(?:read|view)\s+(?:the\s+)?full\s+(?:article|story)\b|continue\s+reading\b"
    r"|(?:den\s+)?vollst[äa]ndigen\s+artikel\s+lesen|lire\s+la\s+suite|seguir\s+leyendo"
    r"|leggi\s+tutto|continuar\s+lendo|lees\s+verder"
    # Log-in boxes, feed readers' and author pages' labels: "Remember me", "Forgot
    # password?", "Browse latest View live", "Send a link to a friend", "Listen | Print",
    # "Home Authors Posts by jdoe"
    r"|remember\s+me(?:\b|(?=[A-Z]))|forgot\s+(?:your\s+)?password|browse\s+latest\b"
    r"|viewing\s+all\s+[\d,]+\s+articles|send\s+(?:a\s+)?link\s+to\s+a\s+friend"
    r"|listen\s*\|\s*print\b|(?:home\s+)?authors\s+posts\s+by\b"
    # Blog and CMS labels over a list: "Showing posts with label X", "Affichage des articles
    # du mars, 2008", "Home Tags Posts tagged with X", "Skip navigation", "Jane's Profile
    # Picture" (an avatar's alternative text)
    r"|showing\s+posts\s+(?:with\s+(?:the\s+)?label|for\s+(?:query|label)"
    r"|from\s+[^\W\d_]+,?\s*\d{4}\s*$)|affichage\s+des\s+articles\b"
    r"|mostrando\s+(?:entradas|postagens)\b|posts\s+mit\s+dem\s+label\b"
    r"|εμφάνιση\s+αναρτήσεων|(?:home\s+)?tags?\s+posts\s+tagged\b|skip\s+navigation\b"
    r"|.{1,60}['’]s?\s+profile\s+(?:picture|photo|image)\s*$"
    # Page tools alone on their line: "Read Next", "Image 1 of 5", "Copy link", "Print"
    r"|(?:read\s+next|click\s+to\s+(?:expand|enlarge)|image\s+\d+\s+of\s+\d+|photo\s+gallery"
    r"|watch\s+(?:the\s+)?video|listen(?:\s+to\s+(?:this|the)\s+(?:article|story))?|copy\s+link"
    r"|print|e-?mail|save|close|already\s+a\s+subscriber\?.{0,20}|gift\s+this\s+article"
    r"|report\s+an?\s+(?:error|typo)|reprints?\s+(?:&|and)\s+permissions|open\s+in\s+app"
    r"|download\s+(?:our|the)\s+app|show\s+more|load\s+more|(?:next|previous)\s+(?:article|story|post)"
    r"|you\s+(?:might|may)\s+also\s+like|up\s+next|join\s+our\s+\w+\s+(?:channel|group)"
    r"|(?:font|text)\s+size|a\s+a\s+a|add\s+to\s+favou?rites|send\s+feedback)\s*[:.]?\s*$)",
    re.IGNORECASE,
)
# Labels that head a list of other stories ("Latest News", "Also read | <title>"): page
# furniture, never a paragraph of the story above nor a headline of the one below. A label
# alone on its line, or a label leading a pipe/colon-separated link title.
_SECTION_LABEL = re.compile(
    r"^(?:related|latest(?:\s+(?:news|stories|headlines|articles|additions|updates))?"
    r"|more\s+stories|must\s+(?:watch|read|see)"
    r"|related\s+(?:stories|articles|news|links)|(?:read|see)\s+also|also\s+(?:read|see)"
    r"|see\s+more|most\s+(?:read|popular|viewed)|trending(?:\s+(?:now|news|stories))?"
    r"|recommended(?:\s+(?:for\s+you|stories|articles|reading))?|top\s+stories"
    r"|editor'?s\s+picks?|don'?t\s+miss|you\s+may\s+also\s+like)"
    r"(?:\s+(?:more|see\s+all|view\s+all)\s*[»›>]?)?"  # "Related Articles More": its link
    r"\s*(?:[:|]\s*(?:\S.{0,150}[^\s.!?;,])?)?$",
    re.IGNORECASE,
)
# A wire's end-of-story marker on its own line: Xinhua "Enditem", Yonhap "(END)",
# "-- END --", "###", "(Ends)", "-0-". It closes the text; it is no paragraph.
_END_MARKER = re.compile(
    r"^(?:end\s?item|\(\s*ends?\s*\)|\[\s*ends?\s*\]|-{1,3}\s*end\s*-{1,3}|#{3}|-0-|-30-)\s*$",
    re.IGNORECASE,
)
_COOKIE = re.compile(
    r"\bcookies?\b.{0,200}\b(?:accept|consent|continu|brows|experience|settings|agree)"
    r"|\b(?:accept|consent|continu|brows|experience|settings|agree)\w*\b.{0,200}\bcookies?\b",
    re.IGNORECASE,
)
# Boilerplate after which the page is footer: text there is no story text.
_TERMINAL = re.compile(
    rf"^(?:related\s+links\b|{_COPYRIGHT}"
    r"|leave\s+a\s+(?:reply|comment)\b|ask\s+about\s+this\s+article|post\s+a\s+comment"
    r"|the\s+content\s+herein|more\s+stories\b"
    r"|most\s+(?:read|popular|viewed)\b|tell\s+a\s+friend|thanks\s+for\s+being\s+here"
    r"|our\s+standards\s*:)",
    re.IGNORECASE,
)
_BOILER_ANY = re.compile(r"\ball rights reserved\b|©|\bcopyright \d{4}", re.IGNORECASE)
_NAV = re.compile(r"^[^|>»›]{1,30}(?:\s[|>»›]\s[^|>»›]{1,30}){2,}$")

_CAPTION = re.compile(
    r"\b(?:AFP|AP|Reuters|Xinhua|EPA|Getty|Anadolu|dpa|Kyodo|Yonhap|ANSA|EFE)\s*/?\s*"
    r"(?:Photo|PHOTO|Images|IMAGES|File|FILE)\b"
    r"|\((?:photo|Photo|PHOTO|Pic|Image|File photo)\b"
    r"|^(?:an?\s+|this\s+|the\s+)?(?:handout\s+|file\s+|undated\s+)?(?:photo(?:graph)?|picture"
    r"|image|screen\s?grab|video\s+grab)s?\s+(?:taken|shows?|dated|released|made|obtained"
    r"|provided|from|of)\b"
    r"|^[\W_]*(?:photo|foto|fotó|picture|image|caption|credit|courtesy)s?\s*:"
    r"|\bfile\s+(?:photo|picture|image)\b"
    r"|\b(?:FOTO|Foto|Fotó|Photo|PHOTO):\s*[\w./ -]{2,40}$"
    r"|^(?!by\s)(?:[\w .,'’&-]{2,60}/\s*){1,4}(?:AFP|AP|REUTERS|Reuters|EPA|EPA-EFE|Getty\s+Images"
    r"|Xinhua|ANSA|dpa|Anadolu|Shutterstock|Thinkstock|iStock(?:photo)?|Alamy|AAP|Yonhap|Kyodo"
    r"|Bloomberg)\s*\)?$"
    r"|\b(?:the\s+canadian\s+press|ap\s+photo|afp\s+photo|reuters|getty\s+images|epa)"
    r"\s*/\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)?\s*\)?\s*$"
    r"|\bphotos?\s+(?:credits?|by)\b",
    re.IGNORECASE,
)
# "The accused appeared in court. RNZ / Jane Doe", "Thefts have risen. Supplied": a
# picture's caption, a sentence, then its credit (an outlet and a photographer, or
# "Supplied"), printed between a headline and the text.
_CREDIT_AFTER_SENTENCE = re.compile(
    r"[.!?]\s+(?:Supplied|SUPPLIED|[A-Z][\w&.'’-]{1,20}(?:\s+[A-Z][\w&.'’-]+)?\s*/\s*"
    r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2})\s*$"
)
CREDIT_CAPTION_CHARS = 300
# "... in the House of Commons (Jane Roe/PA)", "(AP Photo/Jo Doe)": a picture's credit in
# brackets closing its caption, a slash between the photographer and the agency.
_BRACKET_CREDIT = re.compile(r"\s\((?P<credit>[^()]{2,60}/[^()]{2,60})\)\s*$")
_PHOTO_WORD = re.compile(r"\b(?:photo|pool|handout|file)\b", re.IGNORECASE)


def _bracketed_photo_credit(text: str) -> re.Match[str] | None:
    m = _BRACKET_CREDIT.search(text)
    if m is None or len(text.split()) < CAPTION_CREDIT_WORDS:
        return None
    pieces = [piece.strip() for piece in m.group("credit").split("/")]
    photo = any(_PHOTO_WORD.search(piece) for piece in pieces)
    codes = [agency_code(pc) for pc in pieces]
    # (all agencies, "(AFP/Reuters)", is a title's list of sources, no photographer)
    return m if photo or (any(codes) and not all(codes)) else None


CAPTION_CREDIT_WORDS = 6  # a caption describes the picture; a shorter line is a label
# "JACK DOE AFP", "JANE ROE / REUTERS": a photographer's credit alone on its line.
_PHOTOGRAPHER_CREDIT = re.compile(
    r"^[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){1,3}\s*/?\s*"
    r"(?:AFP|AP|REUTERS|EPA|EPA-EFE|ANSA|XINHUA|ANADOLU|DPA|GETTY\s+IMAGES)\s*$"
)
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# "By Jane Doe Tuesday 21 Jun 2022, 9:14 AM": a stamp may open with its weekday.
_WEEKDAY_STAMP = (
    rf"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+"
    rf"(?:\d{{1,2}}\s+{_MONTHS}|{_MONTHS}\s+\d{{1,2}})"
)
BYLINE_TAIL = re.compile(
    rf"\s+(?:[|•·]|[-–—]\s|(?:published|updated|posted|on)\b|{_WEEKDAY_STAMP}|\d{{1,3}}\s+min(?:ute)?s?\s+read\b"
    rf"|\d{{1,3}}\s+(?:mins?|minutes?|hours?|hrs?|days?)\s+ago\b|\d{{1,2}}\s+{_MONTHS}\s"
    rf"|{_MONTHS}\s+\d{{1,2}}\b|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\d{{1,2}}-\d{{1,2}}-\d{{2,4}}\b"
    rf"|\d{{1,2}}:\d{{2}})",
    re.IGNORECASE,
)
TIME_ONLY = re.compile(r"^\d{1,2}[:.h]\d{2}\s*(?:[ap]\.?m\.?|[A-Z]{2,4}|\([A-Z]{2,4}\))?$", re.I)
NAV_TAIL = re.compile(r"^(?:[\w ]{1,20}\s*\|\s*)+[\w ]{1,20}$")
_STAMP = re.compile(r"^(?:(?:first|last)\s+)?(?:published|updated|posted|modified)\b", re.I)
_DATE_WORD = re.compile(
    r"\d+(?:st|nd|rd|th)?|[ap]m|gmt|utc|cet|cest|est|edt|pst|pdt|et|ist|bst|jst|kst|wib|hkt"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
    r"|updated?|published|posted|modified|last|ago|hours?|hrs?|mins?|minutes?|seconds?|secs?"
    r"|days?|weeks?|at|on|by|and"
    r"|\d{1,2}:\d{2}(?::\d{2})?",  # "2005-02-23 07:35:00": a feed's clock time
    re.IGNORECASE,
)
# A title may end in an abbreviation's stop: "... for Kagoshima Pref.", "... in U.S."
_ABBREV_END = re.compile(
    r"\b(?:Pref|Prov|Co|Corp|Inc|Ltd|Bros|Jr|Sr|St|Mt|Gov|Sen|Rep|Gen|Dept|Govt|Intl|No|vs"
    r"|(?:[A-Z]\.){1,3}[A-Z])\.$"
)
# The bullet glyphs of list items, key points and teaser lists: the one set every rule
# derives its own from.
BULLET_MARKS = "•·*▪►▸◦◆■"
BULLETS = BULLET_MARKS + " \t"
PREFIX_TAIL = " |-–—:•·*▪►▸◦»>›/"  # separators between page text and a dateline
WORD = re.compile(r"\w+")
ALNUM = re.compile(r"[^\W_]")


def strip_read_more(text: str) -> tuple[str, bool]:
    """Text without its trailing "... read more" marker, and whether it ends as a teaser.

    A teaser ends in "... read more", "  more", or, in a paragraph of prose, in a bare
    ellipsis ("... the two..."): that ellipsis is the story's own text and stays.
    """
    tail = text[-30:].lower()
    if any(word in tail for word in _READ_MORE_WORDS):
        match = _READ_MORE.search(text, max(0, len(text) - 40))
        if match is not None:
            return text[: match.start()].rstrip(), True
        match = _READ_MORE_ARROW.search(text, max(0, len(text) - 40))
        if match is not None and len(body := text[: match.start()].rstrip()) >= ARROW_LEDE_CHARS:
            return body, True
    if len(text) >= TEASER_MIN_CHARS and text.rstrip().endswith(("...", "…")):
        return text, True
    return text, False


def is_read_more_only(text: str) -> bool:
    text = debullet(text)
    return bool(_READ_MORE_ONLY.match(text))


def subhead_text(text: str) -> str | None:
    """"- Text -" / "-- Text --" / "— Text —" -> "Text"; None for anything else."""
    if len(text) > 160:
        return None
    match = _SUBHEAD.match(text)
    if match is None:
        return None
    inner = match.group(1).strip(" -—–")
    return inner if WORD.search(inner) else None


@lru_cache(maxsize=PREDICATE_CACHE)
def is_boilerplate(text: str) -> bool:
    if len(text) <= 200 and (
        _BOILERPLATE.match(text) or _SECTION_LABEL.match(text) or is_end_marker(text)
    ):
        return True
    if len(text) <= 400 and _COOKIE.search(text):
        return True
    if len(text) <= 200 and _BOILER_ANY.search(text):
        return True
    return len(text) <= 200 and bool(_NAV.match(text))


def is_end_marker(text: str) -> bool:
    """"Enditem", "(END)", "###": a wire's sign that the story's text is over."""
    return len(text) <= 12 and bool(_END_MARKER.match(text))


def is_section_label(text: str) -> bool:
    """"Related:", "Latest News", "Also read | Title": a label over a list of stories."""
    return len(text) <= 200 and bool(_SECTION_LABEL.match(text))


def is_terminal(text: str) -> bool:
    return len(text) <= 200 and bool(_TERMINAL.match(text))


_CAPTION_WORDS = (
    "photo", "foto", "picture", "image", "caption", "credit", "grab", "file", "pic", "supplied",
    "courtesy",
)  # fmt: skip


CAPTION_MAX_CHARS = 350  # a longer line is a caption only when it opens like one
CAPTION_HEAD = 120


@lru_cache(maxsize=PREDICATE_CACHE)
def is_caption(text: str) -> bool:
    lower = text.lower()
    if "/" not in lower and not any(word in lower for word in _CAPTION_WORDS):
        # cheap test first: most lines name no picture and no photo credit
        return text[:1].isupper() and text.isupper() and bool(_PHOTOGRAPHER_CREDIT.match(text))
    found = _CAPTION.search(text)
    if found is None and len(text) <= CREDIT_CAPTION_CHARS:
        found = (
            _CREDIT_AFTER_SENTENCE.search(text)
            or _PHOTOGRAPHER_CREDIT.match(text)
            or _bracketed_photo_credit(text)
        )
    if found is not None and found.start() > CAPTION_HEAD and (
        len(text) > CAPTION_MAX_CHARS or text[: found.start()].rstrip().endswith(("...", "…"))
    ):
        return False  # a teaser's text that ends in its picture's credit: no caption
    return found is not None


_STRAY_STOP = re.compile(r"\.[ \t]+(?=[A-Z])")


def debullet(text: str) -> str:
    """A list item's text without its bullet ("• Headline" -> "Headline"), or without the
    stray stop the Space Media Network's pages print before a title (". Headline")."""
    if text[:1] in BULLETS:
        return text.lstrip(BULLETS).strip()
    if text[:1] == "." and (stop := _STRAY_STOP.match(text)) is not None:
        return text[stop.end() :].strip()
    return text


# A wire's status tag or a site's media tag may open a title: "(LEAD) ...", "(Multimedia) ...".
_TITLE_TAG = re.compile(
    r"\((?:LEAD|UPDATE|URGENT|\d+|multimedia|video|photos?|fotos?|infographic|interview"
    r"|exclusive|live|breaking|analysis|opinion|audio"
    # Yonhap's and the Asian wires' tags: "(2nd LD)", "(Yonhap Interview)", "(News Focus)"
    r"|\d+(?:st|nd|rd|th)\s+LD|(?:yonhap|xinhua|kyodo|bernama)\s+\w+|news\s+(?:focus|analysis)"
    r"|photo\s+news|feature|profile|correction|review)(?:\s*\d+)?\)\s",
    re.IGNORECASE,
)


# Kana, Han and Hangul: a title in these scripts has no capital to open it, and Chinese and
# Japanese put no space between words (two characters stand for about one word).
_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]")
CJK_TITLE_CHARS = 60


@lru_cache(maxsize=PREDICATE_CACHE)
def is_title_like(text: str, *, min_words: int = 3) -> bool:
    """Short, capitalised, not a sentence: what a headline line looks like."""
    text = debullet(text)
    first = text[:1]
    if first == "#" and re.match(r"#\w+:\s", text):
        first = text[1:2]  # "#Grad2020: Graduate motivates others": a hashtag heading
    elif first == ">" and (marks := re.match(r">{1,3}\s+", text)):
        text = text[marks.end() :]  # ">>> Title": a list's arrow
        first = text[:1]
    # (These scripts have no capitals; a Japanese title may open with its quote bracket.)
    cjk = _CJK_CHAR.match(text[1:2] if first in "「『" else first) is not None
    if len(text) > 160 or not (
        first.isupper() or first.isdigit() or first in "\"'“‘(「『" or cjk
    ):
        return False
    if first == "(" and not _TITLE_TAG.match(text):
        return False  # "(LEAD) N. Korea ...": only a wire's status tag may open a title
    words = WORD.findall(text)
    count = len(words)
    if cjk:
        if text.endswith(("。", "、", "，", "：")) or len(text) > CJK_TITLE_CHARS:
            return False  # a sentence of Chinese or Japanese text, not its title
        count = max(count, len(_CJK_CHAR.findall(text)) // 2)  # (no spaces between words)
    if not min_words <= count <= 25 + (10 if cjk else 0):
        return False
    if text.endswith(("...", "…")) or (text.endswith(".") and not _ABBREV_END.search(text)):
        return False
    if text.endswith((",", ";", ":", '."', ".”", ".'")):
        return False
    body = signoff_body(text)
    if body and (body.rstrip("\"'”’").endswith((".", "!", "?")) or text.endswith((")", "]"))):
        # "... breathing problems. PTI", "... on Sunday (dpa)": a signed-off sentence.
        # "Rebels retake border town - AFP" may still be a title with its source.
        return False
    if _STAMP.match(text) or (
        not cjk and len([w for w in words if not _DATE_WORD.fullmatch(w)]) < 2
    ):
        return False  # "Published 14 November 2017 10:32": a time stamp, not a title
    return not (is_boilerplate(text) or is_caption(text) or subhead_text(text))


# A site's own name with its domain ("Big News Network.com"), and a record's field label.
_SITE_NAME = re.compile(r"\b[\w-]+\.(?:com|org|net|info|news)\b", re.IGNORECASE)
_FIELD_LABEL = re.compile(
    r"^(?:country|countries|source|sources|region|theme|themes|format|language|date|posted"
    r"|tags?|topics?|category|categories)\s*:\s*\S.{0,60}$",
    re.IGNORECASE,
)
_DOMAIN = re.compile(r"^(?:https?://)?[\w.-]+\.(?:com|org|net|co|in|pk|uk|info|news|gov|edu)"
                     r"(?:\.[a-z]{2})?(?:/\S*)?$", re.IGNORECASE)


_CREDIT_FILLER = re.compile(r"(?:^the\s+|[,;|]?\s*\b(?:staff|report|reports|news|wire)\b)",
                            re.IGNORECASE)


BY_START = re.compile(
    rf"\s*(?:{BY_OPENER}\s+)?{BY_WORD}\b\s*:?\s*\S",
    re.IGNORECASE,
)
# Where a web byline's name ends: a pipe, a stamp word, a date, or an agency's credit.
_WEB_BYLINE_CUT = re.compile(
    r"\s*\|\s*|\s+(?=(?:published|updated|posted|on)\b)|,\s+(?=the\s+|[A-Z])"
    r"|\s+(?=\d{1,3}\s+min(?:ute)?s?\s+read\b)"  # "Jane Doe 6 minute read Yesterday at ..."
    r"|\s+[—–·•]\s+|\s+-\s+|\s+/\s+",
    re.IGNORECASE,
)
# "Jane Doe October 3, 2019", "Jane Doe 3 Oct 2019": the stamp straight after the name.
_NAME_THEN_DATE = re.compile(
    rf"\s+(?=(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?"
    rf"(?:{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}\b|\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}\b))",
    re.IGNORECASE,
)


def name_then_stamp(text: str) -> tuple[Byline, str] | None:
    """(byline, stamp) for a name run straight into a date with no mark between them. A
    title can read the same ("Floods Hit Lima October 3, 2019"), so the caller asks only
    for the line under a story's headline."""
    if len(text) > MAX_WEB_BYLINE or not text[:1].isupper():
        return None
    cut = _NAME_THEN_DATE.search(text)
    if cut is None:
        return None
    name, rest = text[: cut.start()].strip(), text[cut.end() :].strip()
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return None
    if _STAMP.match(name) or not is_stamp_line(rest):
        return None  # "Published On October 3, 2019"
    byline = _person_byline(name)
    return (Byline(raw=name, authors=byline.authors), rest) if byline else None
_CREDIT_THEN_STAMP = re.compile(r"^(.{2,40}?)\s*[|•·]\s*(.+)$")
# A paper's name after a pipe: "Jane Doe | The Washington Post".
_PAPER = re.compile(r"^(?:The\s+)?[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,4}$")
MAX_WEB_BYLINE = 100
# "5 min read", "6 minute read Preview", "4 minute read Updated: Yesterday at 8:15 AM CST"
_READ_TIME = re.compile(
    r"^\d+\s+min(?:ute)?s?\s+read(?:\s+(?:preview|(?:updated:?\s+)?(?:today|yesterday)\s+at\s+"
    r"\d{1,2}:\d\d\s*[ap]\.?m\.?(?:\s+[a-z]{2,4})?))?$",
    re.IGNORECASE,
)


# A writer's title after the name and a comma: "Senior Editor", "Staff Writer",
# "Editor-at-Large", "Special Correspondent Europe"; then a bar or the line's end.
_ROLE = re.compile(
    r"(?:(?:senior|associate|special|staff|chief|deputy|managing|contributing|executive"
    r"|foreign|political|business|science|health)\s+)*"
    r"(?:editor(?:-at-large)?|writer|correspondent|reporter|contributor|columnist)"
    r"(?:\s+(?-i:[A-Z][a-z]+))?(?P<end>)\s*(?:\|\s*|$)",
    re.IGNORECASE,
)


def web_byline(text: str) -> tuple[Byline, str] | None:
    """"Jane Doe | Oct 3, 2019", "Jane Doe Published August 5, 2022", "Jane Doe, The
    Associated Press", "Jane Doe | Reuters": a name with no "By" beside a stamp or a credit.
    The part after the name must be one or the other, so a title with a comma never
    passes."""
    if text.count("|") >= 2 and len(text) <= PIPED_BYLINE_CHARS:
        piped = _piped_byline(text)
        if piped is not None:
            return piped
    if len(text) > MAX_WEB_BYLINE:
        return None
    if "|" in text:
        stamp, _, name = (part.strip() for part in text.rpartition("|"))
        if stamp and name and is_stamp_line(stamp) and not _DIGIT.search(name):
            return _stamp_then_name(stamp, name)  # "Oct 3, 2019 | Jane Doe"
    if not text[:1].isupper():
        return None
    credited = _credited_name(text)
    if credited is not None:
        return credited, ""
    cut = _WEB_BYLINE_CUT.search(text)
    if cut is None:
        return None
    name, rest = text[: cut.start()].strip(), text[cut.end() :].strip()
    role = _ROLE.match(rest) if cut.group(0).startswith(",") else None
    if role is not None and (not rest[role.end() :] or is_stamp_line(rest[role.end() :])):
        # "Jane Doe, Senior Editor | Oct 16, 2024, 4:12 PM EDT": the writer's title, then
        # perhaps a stamp (cut off for leftover)
        byline = _person_byline(name)
        if byline is not None:
            raw = text[: cut.end() + role.start("end")].strip()
            return Byline(raw=raw, authors=byline.authors), rest[role.end() :]
    credit = credit_line(rest)
    dated = _CREDIT_THEN_STAMP.match(rest) if not credit else None
    if dated is not None and is_stamp_line(dated.group(2)):
        # "Jane Doe, AFP • 3 October 2019": the credit, then the stamp, cut off for leftover
        credit = credit_line(dated.group(1))
        if credit:
            byline = _person_byline(name)
            if byline is not None:
                raw = text[: cut.end()] + dated.group(1)
                return Byline(raw=raw.strip(), authors=byline.authors,
                              agencies=credit), dated.group(2)
    paper = (
        "|" in cut.group(0)
        and bool(_PAPER.match(rest))
        and any(w.lower() in SOURCE_WORDS for w in rest.split())
    )
    if not credit and not paper and not is_stamp_line(rest) and not _READ_TIME.match(rest):
        return None
    byline = _person_byline(name) or (_person_and_credit(name) if len(name.split()) >= 3 else None)
    if byline is None:
        return None
    agencies = tuple(dict.fromkeys([*byline.agencies, *credit]))
    whole = credit or paper
    return Byline(raw=text if whole else name, authors=byline.authors,
                  agencies=agencies), ("" if whole else rest)


# "KNA by Joseph Kamau": the agency, then its reporter; "Priya Menon Reuters": the reporter,
# then the agency, with nothing between them.
_CREDIT_BY_NAME = re.compile(r"^(?P<c>[A-Z][\w.-]{1,20})\s+by\s+(?P<n>[A-Z].{3,60})$")
_NAME_THEN_CODE = re.compile(
    r"^(?P<n>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})\s+(?P<c>[A-Z][\w.-]{1,20})$"
)


PIPED_BYLINE_CHARS = 160


def _piped_byline(text: str) -> tuple[Byline, str] | None:
    """"CP | Jane Doe, The Canadian Press | Posted 04.07.2017 | Canada", "Jane Doe | Posted
    04.11.2017 | Canada Living": a site's record of fields between pipes. The people and the
    credits stand before the stamp; a field after it is the site's section, never a name."""
    fields = text.split("|")
    at = next((k for k, f in enumerate(fields) if k and is_stamp_line(f.strip())), None)
    if at is None or len(fields) < 3:
        return None
    authors: list[str] = []
    agencies: list[str] = []
    for field in (f.strip() for f in fields[:at]):
        if not field:
            return None
        if codes := credit_line(field):
            agencies.extend(codes)
            continue
        signed = parse_byline(field) if BY_START.match(field) else None
        if signed is not None and signed.authors:
            authors.extend(signed.authors)
            agencies.extend(signed.agencies)
            continue
        person = _person_byline(field)
        if person is None and (cut := _WEB_BYLINE_CUT.search(field)) is not None:
            codes = credit_line(field[cut.end() :].strip())
            person = _person_byline(field[: cut.start()].strip()) if codes else None
            agencies.extend(codes)
        if person is not None:
            authors.extend(person.authors)
        elif not not_a_person(field):
            return None  # a field that is neither a person, a credit nor a site's name
    if not authors:
        return None
    cut_at = len("|".join(fields[:at]))
    byline = Byline(raw=text[:cut_at].strip(), authors=tuple(authors),
                    agencies=tuple(dict.fromkeys(agencies)))
    return byline, text[cut_at + 1 :].strip()


def _credited_name(text: str) -> Byline | None:
    for pattern in (_CREDIT_BY_NAME, _NAME_THEN_CODE):
        m = pattern.match(text)
        if m is None:
            continue
        codes = split_agencies(m.group("c"))
        name = m.group("n")
        if not codes or name.isupper():
            continue  # "JACK DORN AFP": a photographer's credit under a picture
        if resolve_place(name).country is not None or fold(name) in STATELESS:
            continue  # "United Nations AFP": a place and a credit, a dateline's words
        byline = _person_byline(name)
        if byline is not None and len(byline.authors) == 1:
            return Byline(raw=text, authors=byline.authors, agencies=codes)
    return None


def _person_byline(name: str) -> Byline | None:
    """A byline for a bare name printed without "By": people only, no source or desk."""
    if not_a_person(name):
        return None
    byline = parse_byline("By " + name)
    if byline is None or not byline.authors or byline.agencies:
        return None
    return byline


def _person_and_credit(name: str) -> Byline | None:
    """"DEAN HALVORSEN Associated Press" before a stamp: a reporter and the agency."""
    byline = parse_byline("By " + name)
    if byline is None or not byline.authors or not byline.agencies:
        return None
    return byline if not any(not_a_person(a) for a in byline.authors) else None


def _stamp_then_name(stamp: str, name: str) -> tuple[Byline, str] | None:
    """The name after a stamp and a pipe, with or without "By"; the stamp is the rest."""
    raw = name
    name = name[3:].strip() if name[:3].lower() == "by " else name
    byline = _person_byline(name) if name[:1].isupper() else None
    if byline is None:
        return None
    return Byline(raw=raw, authors=byline.authors), stamp


_GLUED = re.compile(r"[a-z][A-Z]")
STAMP_WORDS = 12
STAMP_CHARS = 120  # a time-stamp line is short: a date, a time, a name, a label
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=PREDICATE_CACHE)
def line_stamp(text: str) -> dt.date | None:
    """The date of a time-stamp line ("Updated: 03-10-2019 11:20 IST", "Jane Doe|Jan 13,
    2019"), else None: a stamp is short, has a digit and few words."""
    if len(text) > STAMP_CHARS or _DIGIT.search(text) is None:
        return None  # cheap tests first
    if len(WORD.findall(text)) > STAMP_WORDS:
        return _piped_stamp(text)
    return stamp_date(text)


PIPED_STAMP_WORDS = 20


def _piped_stamp(text: str) -> dt.date | None:
    """"+ stars: | 2023-01-23 | by ( ) www.reuters.com time to read: +1 min": a record of
    fields between pipes, one of them a date alone, is a stamp however many fields it has."""
    if text.count("|") < 2 or len(WORD.findall(text)) > PIPED_STAMP_WORDS:
        return None
    for field in text.split("|"):
        words = [w.strip(",.:").lower() for w in _DATE_SPLIT.split(field) if w.strip(",.:")]
        if words and all(_DATE_WORD.fullmatch(w) for w in words):
            day = stamp_date(field)
            if day is not None:
                return day
    return None


_DATE_SPLIT = re.compile(r"[\s/.-]+")


def is_stamp_line(text: str) -> bool:
    return line_stamp(text) is not None


def is_bare_stamp(text: str) -> bool:
    """A line that is a date and nothing else ("26 January 2022", "Mon 10 Nov 2014 -"),
    no label or name beside it."""
    words = [w.strip(",.:-–—").lower() for w in _DATE_SPLIT.split(text) if w.strip(",.:-–—")]
    return bool(words) and all(_DATE_WORD.fullmatch(w) for w in words) and (
        line_stamp(text) is not None
    )


@lru_cache(maxsize=PREDICATE_CACHE)
def headline_candidate(text: str, *, min_words: int = 3) -> bool:
    """A title line that is not site furniture: not a time stamp, a credit, a byline, a
    caption, a bare address or an agency's name alone ("The Associated Press")."""
    if not is_title_like(text, min_words=min_words) or strip_read_more(text)[1]:
        return False  # "Headline ... read more" is a teaser's text, not a title
    body = debullet(text)
    if BY_START.match(body) or _DOMAIN.match(body) or is_boilerplate(body):
        return False
    if len(_GLUED.findall(body)) >= 3:
        return False  # "FinancialGovernment SolutionsLegal...": menu items run together
    if is_stamp_line(body):
        return False  # "Jane Doe|Jan 13, 2019", "28 de October de 2021"
    if is_masthead(body):
        return False  # "Taipei Times", "Nation & World Briefs": a site's or section's name
    if _SITE_NAME.search(body) and date_in(body) is not None:
        return False  # "Big News Network.com Thursday 3rd October, 2019": the site's stamp
    if _FIELD_LABEL.match(body):
        return False  # "Country: Peru", "Source: AFP": a record's field, no title
    # "The Associated Press", "Kyodo, Staff Report": an agency's name is a credit, no title
    return agency_code(_CREDIT_FILLER.sub(" ", body).strip(" ,;|-")) is None


# Words of a news source's or a section's name, never of a person's.
SOURCE_WORDS = frozenset(
    (
        "market", "markets", "news", "media", "online", "times", "post", "daily", "weekly",
        "press", "capital", "group", "digital", "network", "world", "business", "politics",
        "sports", "live", "today", "editorial", "opinion", "tv", "radio", "desk", "staff",
        "bureau", "service", "wire", "agency", "team", "report", "focus", "herald", "tribune",
        "gazette", "journal", "chronicle", "observer", "express", "mirror", "star", "sun",
        "release", "immediate", "dialogo", "diario", "noticias", "nachrichten", "zeitung",
    )
)
_FUNCTION_WORDS = frozenset(("for", "the", "of", "in", "on", "at", "from", "with", "and", "a"))


# Words of a page's section or site label ("Nation & World Briefs", "Latest Highlight",
# "GEO NEWS"): with the source words, half a short line of them makes it no headline.
SECTION_WORDS = frozenset(
    (
        "brief", "briefs", "stories", "story", "headlines", "headline", "highlight",
        "highlights", "digest", "latest", "home", "services", "photo", "photos", "video",
        "videos", "tease", "article", "articles", "page", "section", "edition", "nation",
        "national", "international", "local", "region", "regional", "metro", "stock",
        "stocks", "newswire", "feed", "rss", "top", "more", "main", "newspaper",
    )
)
# ... and one of these at least: what only a label says ("Stocks slide" is a headline).
_MASTHEAD_MARKS = frozenset(
    (
        "news", "brief", "briefs", "stories", "headlines", "highlight", "highlights",
        "digest", "home", "services", "tease", "article", "page", "edition", "newspaper",
        "rss", "feed", "times", "newswire",
    )
)
_LABEL_FILLER = frozenset(("in", "of", "and", "the", "&", "from", "-", "–", "—", "|"))
MASTHEAD_WORDS = 6
MASTHEAD_CHARS = 80
# "Latest Russian Defence Ministry Stories", "Recent Press Releases", "More Headlines": the
# heading of a list of items (a topic page's), whatever topic it names, never a title.
_LIST_HEADING = re.compile(
    r"(?i:latest|recent|more|other|top|related)"
    r"(?:\s+(?:[A-Z0-9][\w&'’.-]*|of|and|the|in|on|for|&)){0,4}?\s+"
    r"(?i:stories|news|articles|headlines|press\s+releases|releases|posts|updates|reports)"
)  # (the topic's words in capitals: "Recent graduates tell their stories" is a title)


def is_masthead(text: str) -> bool:
    """A site's or a section's name on its own line ("Taipei Times", "AP News in Brief",
    "Home Nation"): at least half its words are section or source words (the rest names
    a place or an agency), so it heads a page or a list and is never a story's title."""
    if len(text) > MASTHEAD_CHARS:
        return False
    if _LIST_HEADING.fullmatch(text.strip()):
        return True
    low = text.lower()
    if not any(mark in low for mark in _MASTHEAD_MARKS):
        return False  # (the cheap test first: most lines hold no label's word at all)
    words = WORD.findall(low)
    if not words or len(words) > MASTHEAD_WORDS:
        return False
    content = [w for w in words if w not in _LABEL_FILLER]
    labels = sum(1 for w in content if w in SECTION_WORDS or w in SOURCE_WORDS)
    return (
        bool(content)
        and 2 * labels >= len(content)
        and any(w in _MASTHEAD_MARKS for w in content)
    )


def not_a_person(name: str) -> bool:
    """A paper, a desk or a label rather than a reporter: "Kuwait Times", "Focus Taiwan",
    "For Immediate Release"."""
    words = [w.strip(".,:;").lower() for w in name.split()]
    return bool(words) and (words[0] in _FUNCTION_WORDS or any(w in SOURCE_WORDS for w in words))


def is_echo(previous: str, text: str) -> bool:
    """A title line right under the same title: listings print an item's title twice (its
    picture's text and its link); the second copy is furniture."""
    return text == previous and headline_candidate(text, min_words=2)


def credit_then_caption(above: str, line: str) -> bool:
    """"Reuters file photo" then a few words under it: the picture's caption, no title."""
    return len(line.split()) <= 5 and len(above.split()) <= 6 and is_caption(above)


def source_under_title(headline: str, line: str) -> bool:
    """"Focus Taiwan", "Taipei Times" under a title of five words or more: the name of the
    paper the story comes from, printed above its stamp and byline."""
    words = line.split()
    return (
        len(words) <= 3
        and all(w[:1].isupper() and w.isalpha() for w in words)
        and len(headline.split()) >= 5
        and headline_candidate(headline, min_words=5)
    )


DECK_LONGER = 1  # words a sentence-case deck runs past its sentence-case title, at least


def is_deck(headline: str, line: str) -> bool:
    """Whether `line`, right under the title line `headline`, is its deck (a standfirst or
    a photo caption printed between headline and dateline) rather than the title itself:
    the title is the shorter, the deck runs on or ends as a sentence."""
    if not headline_candidate(headline, min_words=4) or is_caption(headline):
        return False
    if is_caption(line):
        return True
    words = line.split()
    head = headline.split()
    # A title in sentence case ("Controlli a Milano, 73 arresti") may have a shorter deck
    # under it; over a title-cased line ("Space News From OrbitDaily"), the deck runs long.
    sentence_case = sum(1 for w in head[1:] if w[:1].isupper()) <= len(head) // 3
    shortest = max(8, len(head) + DECK_LONGER) if sentence_case else max(12, len(head) + 6)
    if len(head) < 3 or len(words) < shortest:  # (a slug is no title)
        return False
    # Sentence case: a deck capitalises few words; a title-cased line is a title or a label.
    # (Over a title-cased line, a ten-word line is more often the headline under a site name.)
    capitals = sum(1 for w in words[1:] if w[:1].isupper())
    return capitals <= len(words) // 3


STACKED_TITLE_WORDS = 6  # a line over a title that is itself a full title, no label
STACKED_DECK_WORDS = 4


def is_stacked_deck(title: str, line: str) -> bool:
    """Whether `line`, right under `title`, is its deck though no longer than it: two full
    titles stacked over a dateline ("Trade talks stall over farm quotas" / "Negotiators to
    meet again next month"), the upper the headline. A label, a site's or a section's name,
    a dated line or a caption above is no title (`is_deck` takes a longer deck)."""
    if title == line or title.rstrip().endswith((":", "|")) or date_in(title) is not None:
        return False
    if not (
        headline_candidate(title, min_words=STACKED_TITLE_WORDS)
        and headline_candidate(line, min_words=STACKED_DECK_WORDS)
    ):
        return False
    if is_section_label(title) or is_caption(title) or is_caption(line):
        return False
    if is_prose(title) or "..." in title or "…" in title:
        return False  # a teaser's lede cut off above the title, not a title
    if _CLOCK.search(title) or not (title[-1:].isalnum() or title[-1:] in "\"'”’)?"):
        return False  # "AP Top News at 6:17 a.m. EST", a widget's text run together
    if _CAPS_LEAD.match(title) and _CAPS_LEAD.match(line):
        return False  # "ACME CORP: Sued Over ..." twice: two items of a list, alike
    if sum(any(ch.isdigit() for ch in word) for word in title.split()) >= 2:
        return False  # "Protein 6.7 gm Cow's milk: 3.2 gm": a table's row, no title
    if title.split()[-1].lower() in _FUNCTION_WORDS or line.lstrip()[:1] in BULLET_MARKS:
        return False  # a lede cut off ("... and confirmed the") over a bulleted title
    words = {w.strip(".,:;!?'\"‘’“”()").lower() for w in title.split()}
    if words & _LABEL_WORDS:
        return False  # "The latest Container shipping News & Analysis"
    if any(agency_code(word) for word in title.split() if word[:1].isupper()):
        return False  # "Sydney SYDNEY Reuters Australia harbour": a page's tags
    return any(ch.islower() for ch in title) and any(ch.islower() for ch in line)


_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
_CAPS_LEAD = re.compile(r"^[A-Z][A-Z0-9&.' -]{2,}:\s")
# Words of a site's, a section's, a listing's or a tool's line over the first title ("Sorted
# by date Results 1 - 25", "Latest Shipping News & Analysis"); rare in a headline.
_LABEL_WORDS = frozenset(
    (
        "news", "media", "online", "latest", "results", "sorted", "printable", "version",
        "follow", "archive", "archives", "category", "headlines", "highlights", "digest",
        "briefs", "summary", "newswire", "feed", "rss", "edition", "section", "analysis",
    )
)  # fmt: skip


def sentence_like(text: str) -> bool:
    """Running text even without its full stop (a page's copy may end mid-sentence): long,
    and most of its words in lower case."""
    words = text.split()
    if len(text) < 60 or len(words) < 10:
        return False
    return sum(1 for w in words if w[:1].islower()) * 2 >= len(words)


def is_prose(text: str) -> bool:
    return len(text) >= 60 and not is_title_like(text)


def ends_sentence(line: str) -> bool:
    return line.rstrip("\"'”’)]").endswith((".", "!", "?", ":", ";"))


TITLE_REST_CHARS = 120


def title_rest(rest: str) -> bool:
    """What follows a bare place and a dash reads as a title, not as a story's first
    sentence: short, no sentence end, title-like ("Algeria – Islamists gain ground")."""
    return (
        len(rest) <= TITLE_REST_CHARS
        and not ends_sentence(rest)
        and not strip_read_more(rest)[1]
        and headline_candidate(rest, min_words=3)
    )


_MONTH_NAME = "(?:" + "|".join(
    sorted({re.escape(w) for words in MONTH_WORDS.values() for w in words}, key=len, reverse=True)
) + r")\.?"
_DAY_NO = r"\d{1,2}(?:st|nd|rd|th|er|\.)?"
# "November 21", "21 November", "November 2004", "Monday, December 7": a date alone on its
# line, an archive's heading over its day's items. It is no paragraph of any story.
_DATE_ONLY = re.compile(
    rf"(?:[^\W\d_]+,?\s+)?(?:{_MONTH_NAME}\s+{_DAY_NO}(?:,?\s+\d{{4}})?"
    rf"|{_DAY_NO}\s+(?:de\s+)?{_MONTH_NAME}(?:,?\s+(?:de\s+)?\d{{4}})?|{_MONTH_NAME},?\s+\d{{4}})",
    re.IGNORECASE,
)


def all_caps(text: str) -> bool:
    """No lower-case letter: capitals, or a script without case (Arabic, Devanagari)."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and not any(ch.islower() for ch in letters)


def is_date_only(text: str) -> bool:
    return len(text) <= 40 and _DATE_ONLY.fullmatch(text.strip()) is not None
